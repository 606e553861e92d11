/**
 * The Q analysis in a worker thread (./analysis-runner.ts): takes `{ id, runtime, sorts, options, scree }`
 * and answers `{ id, result, scree }`, one request at a time. Pure engine code only, so the server's
 * event loop keeps serving every other session while a large study is analysed.
 */
import { parentPort } from 'node:worker_threads';
import { analysisInput, runAnalysis, screeValues, type FinishedSort } from '../../lib/qsort/analysis';
import type { AnalysisStep, QResult, Result } from '../../lib/qmethod/types';
import type { AnalysisOptions, QsortRuntime } from '../../lib/qsort/runtime';

export interface AnalysisRequest {
  id: number;
  runtime: QsortRuntime;
  sorts: FinishedSort[];
  options: AnalysisOptions;
  /**
   * Also every eigenvalue of the sorts' correlation matrix, for the scree plot: at 1,000 sorts
   * that is seconds of arithmetic of its own, so it is done here, never on the server's thread.
   */
  scree: boolean;
}

/** What the worker says: a step as it starts, then the result. */
export type AnalysisMessage = { id: number; step: AnalysisStep } | { id: number; result: Result<QResult>; scree: number[] | null };

parentPort?.on('message', (request: AnalysisRequest) => {
  const say = (message: AnalysisMessage) => parentPort!.postMessage(message);
  let result: Result<QResult>;
  let scree: number[] | null = null;
  try {
    result = runAnalysis(request.runtime, request.sorts, request.options, (step) => say({ id: request.id, step }));
    if (result.ok && request.scree) scree = screeValues(analysisInput(request.runtime, request.sorts));
  } catch (err) {
    // The engine answers bad input with a Result; a throw is a bug, reported as one.
    result = { ok: false, error: { code: 'EXTRACTION_FAILED', message: `analysis failed: ${String(err)}` } };
  }
  say({ id: request.id, result, scree });
});
