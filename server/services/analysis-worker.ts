/**
 * The Q analysis in a worker thread (./analysis-runner.ts): takes `{ id, runtime, sorts, options, advice }`
 * and answers `{ id, result, advice }`, one request at a time. Pure engine code only, so the server's
 * event loop keeps serving every other session while a large study is analysed.
 */
import { parentPort } from 'node:worker_threads';
import type { FactorAdvice } from '../../lib/qmethod/factor-advice';
import { analysisInput, factorAdviceOf, runAnalysis, type FinishedSort } from '../../lib/qsort/analysis';
import { studyTables, type StudyTables } from '../../lib/qmethod/study-tables';
import type { AnalysisStep, QResult, Result } from '../../lib/qmethod/types';
import type { AnalysisOptions, QsortRuntime } from '../../lib/qsort/runtime';

export interface AnalysisRequest {
  id: number;
  runtime: QsortRuntime;
  sorts: FinishedSort[];
  options: AnalysisOptions;
  /**
   * Also the help with choosing k (every eigenvalue for the scree, Humphrey's rule, a parallel
   * analysis): at 1,000 sorts the eigenvalues alone are seconds of arithmetic, so it is done
   * here, never on the server's thread.
   */
  advice: boolean;
  /** Also the full report's tables (`studyTables`): a sort × sort matrix and a second extraction. */
  tables?: boolean;
}

/** What the worker says: a step as it starts, then the result. */
export type AnalysisMessage = { id: number; step: AnalysisStep } | { id: number; result: Result<QResult>; advice: FactorAdvice | null; tables: StudyTables | null };

parentPort?.on('message', (request: AnalysisRequest) => {
  const say = (message: AnalysisMessage) => parentPort!.postMessage(message);
  let result: Result<QResult>;
  let advice: FactorAdvice | null = null;
  let tables: StudyTables | null = null;
  try {
    result = runAnalysis(request.runtime, request.sorts, request.options, (step) => say({ id: request.id, step }));
    if (result.ok && request.advice) advice = factorAdviceOf(request.runtime, request.sorts, request.options);
    if (result.ok && request.tables) tables = studyTables(analysisInput(request.runtime, request.sorts), result.value);
  } catch (err) {
    // The engine answers bad input with a Result; a throw is a bug, reported as one.
    result = { ok: false, error: { code: 'EXTRACTION_FAILED', message: `analysis failed: ${String(err)}` } };
  }
  say({ id: request.id, result, advice, tables });
});
