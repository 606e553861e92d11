import { Worker } from 'node:worker_threads';
import type { QResult, Result } from '@/lib/qmethod/types';
import type { FinishedSort } from '@/lib/qsort/analysis';
import type { AnalysisOptions, QsortRuntime } from '@/lib/qsort/runtime';
import type { AnalysisRequest } from './analysis-worker';

type Pending = { resolve: (r: Result<QResult>) => void; reject: (err: Error) => void };

/**
 * Runs Q analyses off the event loop: a 1,000-sort PCA takes seconds of CPU, and on the main
 * thread it stalled every session of the process (the issue measured 10–17 s). One worker,
 * started on first use and kept warm (starting one costs a module load), answers one analysis
 * at a time in order. A worker that dies fails what it had and is started again on the next call.
 * The worker is TypeScript, loaded through tsx's loader as the server itself is (./analysis-worker.mjs).
 */
export function createAnalysisRunner() {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null;
  };

  function started(): Worker {
    if (worker) return worker;
    const w = new Worker(new URL('./analysis-worker.mjs', import.meta.url), { execArgv: process.execArgv.filter((a) => !a.startsWith('--inspect')) });
    w.on('message', ({ id, result }: { id: number; result: Result<QResult> }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) w.unref();
      p?.resolve(result);
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`the analysis worker stopped (exit ${code})`));
    });
    // An idle worker must not keep the process alive; one at work must (see `run`).
    w.unref();
    worker = w;
    return w;
  }

  return {
    /** `runAnalysis` in the worker: the same Result, without blocking this thread. */
    run(runtime: QsortRuntime, sorts: FinishedSort[], options: AnalysisOptions): Promise<Result<QResult>> {
      const id = nextId++;
      const w = started();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        const request: AnalysisRequest = { id, runtime, sorts, options };
        w.postMessage(request);
      });
    },
    async close(): Promise<void> {
      const w = worker;
      worker = null;
      failAll(new Error('the analysis runner closed'));
      await w?.terminate();
    },
  };
}
export type AnalysisRunner = ReturnType<typeof createAnalysisRunner>;

