import type { NewFeedbackItem } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import type { AnalysisStep } from '@/lib/qmethod/types';
import type { QsortAnalysis } from '@/lib/protocol';
import { publicAnalysis, sortSetKey } from '@/lib/qsort/analysis';
import type { AnalysisOptions } from '@/lib/qsort/runtime';
import type { KeepFactorsInput } from '@/lib/qsort/socket-schemas';
import type { AnalysisRunner } from './analysis-runner';
import type { LiveService } from './live-service';
import type { QsortService } from './qsort-service';

/** The console's analyses of a session share one key: a facilitator's cancel stops them, and only them. */
const consoleKey = (sessionId: string) => `console:${sessionId}`;

/** A facilitator's analysis of a Q-sort, and keeping its named factors as feedback. */
export function createQsortFactors(qsort: QsortService, live: Pick<LiveService, 'command'>, analysis: AnalysisRunner) {
  return {
    /**
     * The full analysis of the finished sorts (at least two), with the scree and the sorts' ids,
     * run in the worker; `onStep` hears each step as it starts. `cancel` stops it.
     */
    async analyze(sessionId: string, options: AnalysisOptions, onStep?: (step: AnalysisStep) => void): Promise<Result<QsortAnalysis>> {
      const found = await qsort.runtimeOf(sessionId);
      if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
      const sorts = await qsort.finished(sessionId);
      if (sorts.length < 2) return fail('CONFLICT', 'at least two finished sorts are needed', { sorts: 'TOO_FEW_SORTS' });
      const analysed = await analysis.runWithAdvice(found.runtime, sorts, options, { key: consoleKey(sessionId), ...(onStep ? { onStep } : {}) });
      if (!analysed.ok && analysed.error.code === 'CANCELLED') return fail('CANCELLED', 'the analysis was cancelled');
      if (!analysed.ok) return fail('BAD_REQUEST', analysed.error.message, { analysis: analysed.error.code });
      const sortIds = sorts.map((s) => s.id);
      const { eigenvalues, ...advice } = analysed.value.advice;
      return ok({ result: analysed.value.result, scree: eigenvalues, advice, sortIds, sortSet: sortSetKey(sortIds) });
    },

    /** Stops the console's analysis of this session, waiting or running; `cancelled` says whether there was one. */
    cancel(sessionId: string): Result<{ cancelled: boolean }> {
      return ok({ cancelled: analysis.cancel(consoleKey(sessionId)) });
    },

    /** Names the factors in the running state (a command) and keeps them with their arrays as feedback. */
    async keep(sessionId: string, userId: string, { options, names }: KeepFactorsInput): Promise<Result<{ kept: number }>> {
      const found = await qsort.runtimeOf(sessionId);
      if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
      const sorts = await qsort.finished(sessionId);
      const analysed = sorts.length >= 2 ? await analysis.run(found.runtime, sorts, options) : null;
      if (!analysed?.ok) return fail('CONFLICT', 'no analysis to keep');
      const named = await live.command(sessionId, { type: 'qsort', command: { type: 'nameFactors', names } }, { kind: 'facilitator', userId });
      if (!named.ok) return named;
      const view = publicAnalysis(found.runtime, analysed.value, names);
      const items: NewFeedbackItem[] = view.factors.slice(0, names.length).map((f) => ({
        projectId: found.session.projectId,
        sessionId: found.session.id,
        workshopId: found.session.workshopId,
        activityId: found.runtime.activityId ?? null,
        kind: 'q_factor',
        authorKind: 'facilitator',
        itemKey: `f${f.number}`,
        theme: f.name,
        text: f.description,
        value: f.definingSorts,
        data: { number: f.number, label: f.label, name: f.name, array: f.array, distinguishing: f.distinguishing, options, sortCount: view.sortCount, setId: found.runtime.setId, setName: found.runtime.setName },
      }));
      await qsort.keepFactors(found.session, items);
      return ok({ kept: items.length });
    },
  };
}
