import { Worker } from 'node:worker_threads';
import type { AnalysisStep, QResult, Result } from '@/lib/qmethod/types';
import type { FactorAdvice } from '@/lib/qmethod/factor-advice';
import type { StudyTables } from '@/lib/qmethod/study-tables';
import type { FinishedSort } from '@/lib/qsort/analysis';
import type { AnalysisOptions, QsortRuntime } from '@/lib/qsort/runtime';
import type { AnalysisMessage, AnalysisRequest, ResultFileRequest } from './analysis-worker';

interface Job {
  request: AnalysisRequest;
  /** Who may cancel it (a session's console); jobs without one run to the end. */
  key?: string;
  onStep?: (step: AnalysisStep) => void;
  resolve: (r: Outcome) => void;
  reject: (err: Error) => void;
}

/** The engine's result, and the help with choosing k when it was asked for and the analysis succeeded. */
interface Outcome {
  result: Result<QResult>;
  advice: FactorAdvice | null;
  tables: StudyTables | null;
  file: Uint8Array | null;
}

type How = { key?: string; onStep?: (step: AnalysisStep) => void };

const cancelled: Outcome = { result: { ok: false, error: { code: 'CANCELLED', message: 'the analysis was cancelled' } }, advice: null, tables: null, file: null };

/**
 * Runs Q analyses off the event loop: a 1,000-sort PCA takes seconds of CPU, and on the main
 * thread it stalled every session of the process (the issue measured 10–17 s). One worker,
 * started on first use (starting one costs a module load) and kept warm, runs one analysis at a
 * time; the rest wait here in order, so a cancelled one can be taken out of the queue, and the
 * one running is stopped by ending the worker (the engine is synchronous), after which the next
 * starts on a fresh one. A worker that dies fails the analysis it had; the queue goes on.
 * The worker is TypeScript, loaded through tsx's loader as the server itself is (./analysis-worker.mjs).
 */
export function createAnalysisRunner() {
  let worker: Worker | null = null;
  let running: Job | null = null;
  const queue: Job[] = [];
  let nextId = 1;

  function startWorker(): Worker {
    const w = new Worker(new URL('./analysis-worker.mjs', import.meta.url), { execArgv: process.execArgv.filter((a) => !a.startsWith('--inspect')) });
    w.on('message', (message: AnalysisMessage) => {
      if (!running || message.id !== running.request.id) return;
      if ('step' in message) return running.onStep?.(message.step);
      const done = running;
      running = null;
      done.resolve({ result: message.result, advice: message.advice, tables: message.tables, file: message.file });
      pump();
    });
    const lost = (err: Error) => {
      if (worker !== w) return;
      worker = null;
      const had = running;
      running = null;
      had?.reject(err);
      pump();
    };
    w.on('error', lost);
    w.on('exit', (code) => lost(new Error(`the analysis worker stopped (exit ${code})`)));
    return w;
  }

  function pump() {
    if (running || queue.length === 0) {
      // An idle worker must not keep the process alive; one at work must.
      if (!running) worker?.unref();
      return;
    }
    running = queue.shift()!;
    worker ??= startWorker();
    worker.ref();
    worker.postMessage(running.request);
  }

  function enqueue(request: Omit<AnalysisRequest, 'id'>, how: How): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      queue.push({ request: { id: nextId++, ...request }, ...how, resolve, reject });
      pump();
    });
  }

  return {
    /** `runAnalysis` in the worker: the same Result (or `CANCELLED`), without blocking this thread. */
    async run(runtime: QsortRuntime, sorts: FinishedSort[], options: AnalysisOptions, how: How = {}): Promise<Result<QResult>> {
      return (await enqueue({ runtime, sorts, options, advice: false }, how)).result;
    },

    /** As `run`, with the help with choosing k (`factorAdviceOf`) worked out in the worker too, as the console shows both. */
    async runWithAdvice(runtime: QsortRuntime, sorts: FinishedSort[], options: AnalysisOptions, how: How = {}): Promise<Result<{ result: QResult; advice: FactorAdvice }>> {
      const { result, advice } = await enqueue({ runtime, sorts, options, advice: true }, how);
      if (!result.ok) return result;
      if (!advice) throw new Error('the analysis worker gave no advice');
      return { ok: true, value: { result: result.value, advice } };
    },
    /** As `run`, with the full report's tables (`studyTables`) worked out in the worker too. */
    async runWithTables(runtime: QsortRuntime, sorts: FinishedSort[], options: AnalysisOptions, how: How = {}): Promise<Result<{ result: QResult; tables: StudyTables }>> {
      const { result, tables } = await enqueue({ runtime, sorts, options, advice: false, tables: true }, how);
      if (!result.ok) return result;
      if (!tables) throw new Error('the analysis worker gave no tables');
      return { ok: true, value: { result: result.value, tables } };
    },

    /** As `runWithTables`, with a result file (the Word report or the workbook) rendered in the worker too. */
    async runFile(runtime: QsortRuntime, sorts: FinishedSort[], options: AnalysisOptions, file: ResultFileRequest, how: How = {}): Promise<Result<{ result: QResult; bytes: Uint8Array }>> {
      const outcome = await enqueue({ runtime, sorts, options, advice: false, file }, how);
      if (!outcome.result.ok) return outcome.result;
      if (!outcome.file) throw new Error('the analysis worker gave no file');
      return { ok: true, value: { result: outcome.result.value, bytes: outcome.file } };
    },
    /** Cancels the analyses of `key`, waiting or running; says whether there was one. */
    cancel(key: string): boolean {
      let found = false;
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i]!.key !== key) continue;
        queue.splice(i, 1)[0]!.resolve(cancelled);
        found = true;
      }
      if (running?.key === key) {
        const stopped = running;
        running = null;
        const w = worker;
        worker = null;
        void w?.terminate();
        stopped.resolve(cancelled);
        found = true;
        pump();
      }
      return found;
    },

    async close(): Promise<void> {
      const w = worker;
      worker = null;
      const closed = new Error('the analysis runner closed');
      for (const job of [...(running ? [running] : []), ...queue.splice(0)]) job.reject(closed);
      running = null;
      await w?.terminate();
    },
  };
}
export type AnalysisRunner = ReturnType<typeof createAnalysisRunner>;
