import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems } from '@/db/schema';
import type { ActivityResults } from '@/lib/workshop/results';
import { currentActivity, type WorkshopRuntime } from '@/lib/workshop/runtime';
import { batchSize, publishedAnswers, tallyActivity, type AnswerRow } from '@/lib/workshop/tally';

/** The current activity's tally: all answers live, and the published batches for everyone else. */
export interface CurrentResults {
  full: ActivityResults | null;
  /** Tallied from `publishedAnswers`: still to be passed through `publicResults` (reveal, minimum, hidden). */
  published: ActivityResults | null;
}

/**
 * Tallies the current activity from the stored answers. Computed from the database every
 * time, so any server gives the same numbers and nothing is lost in memory.
 */
export function createResultsService(db: Db) {
  return {
    async current(sessionId: string, runtime: WorkshopRuntime): Promise<CurrentResults> {
      const activity = currentActivity(runtime);
      if (!activity) return { full: null, published: null };
      const rows = await db
        .select()
        .from(feedbackItems)
        .where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.activityId, activity.id)));
      const answers: AnswerRow[] = rows.map((r) => ({ ...r, updatedAt: r.updatedAt.getTime(), redactedAt: r.redactedAt?.getTime() ?? null }));
      return {
        full: tallyActivity(activity, runtime.findingIndex, answers),
        published: tallyActivity(activity, runtime.findingIndex, publishedAnswers(answers, batchSize(runtime.minRevealCount))),
      };
    },
  };
}
export type ResultsService = ReturnType<typeof createResultsService>;
