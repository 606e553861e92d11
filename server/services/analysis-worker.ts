/**
 * The Q analysis in a worker thread (./analysis-runner.ts): takes `{ id, runtime, sorts, options }`
 * and answers `{ id, result }`, one request at a time. Pure engine code only, so the server's
 * event loop keeps serving every other session while a large study is analysed.
 */
import { parentPort } from 'node:worker_threads';
import { runAnalysis, type FinishedSort } from '../../lib/qsort/analysis';
import type { AnalysisStep, QResult, Result } from '../../lib/qmethod/types';
import type { AnalysisOptions, QsortRuntime } from '../../lib/qsort/runtime';

export interface AnalysisRequest {
  id: number;
  runtime: QsortRuntime;
  sorts: FinishedSort[];
  options: AnalysisOptions;
}

/** What the worker says: a step as it starts, then the result. */
export type AnalysisMessage = { id: number; step: AnalysisStep } | { id: number; result: Result<QResult> };

parentPort?.on('message', (request: AnalysisRequest) => {
  const say = (message: AnalysisMessage) => parentPort!.postMessage(message);
  let result: Result<QResult>;
  try {
    result = runAnalysis(request.runtime, request.sorts, request.options, (step) => say({ id: request.id, step }));
  } catch (err) {
    // The engine answers bad input with a Result; a throw is a bug, reported as one.
    result = { ok: false, error: { code: 'EXTRACTION_FAILED', message: `analysis failed: ${String(err)}` } };
  }
  say({ id: request.id, result });
});
