import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems } from '@/db/schema';
import type { ActivityResults } from '@/lib/workshop/results';
import { currentActivity, type WorkshopRuntime } from '@/lib/workshop/runtime';

/**
 * Tallies the current activity from the stored answers. Computed from the database every
 * time, so any server gives the same numbers and nothing is lost in memory.
 */
export function createResultsService(db: Db) {
  return {
    async current(sessionId: string, runtime: WorkshopRuntime): Promise<ActivityResults | null> {
      const activity = currentActivity(runtime);
      if (!activity) return null;
      const rows = await db
        .select()
        .from(feedbackItems)
        .where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.activityId, activity.id)));
      switch (activity.kind) {
        case 'findings': {
          const findingId = activity.config.findingIds[runtime.findingIndex] ?? '';
          const answers = rows.filter((r) => r.kind === 'finding_response' && r.findingId === findingId);
          const counts = { kjenner_igjen: 0, nyanserer: 0, avkrefter: 0 };
          for (const a of answers) if (a.response) counts[a.response]++;
          return {
            kind: 'findings',
            activityId: activity.id,
            findingId,
            total: answers.length,
            counts,
            // Comments carry no author: anonymous to everyone, facilitators included.
            comments: answers.filter((a) => a.text || a.redactedAt).map((a) => (a.redactedAt ? { id: a.id, text: '', response: a.response ?? '', redacted: true } : { id: a.id, text: a.text, response: a.response ?? '' })),
          };
        }
        case 'plenary': {
          const ballots = rows.filter((r) => r.kind === 'vote_count');
          const votes: Record<string, number> = {};
          for (const b of ballots) for (const [k, n] of Object.entries((b.data.votes as Record<string, number>) ?? {})) votes[k] = (votes[k] ?? 0) + n;
          const words = new Map<string, number>();
          // A redacted word has no text left to show; its vote for the cloud goes with it.
          for (const w of rows.filter((r) => r.kind === 'word' && !r.redactedAt)) words.set(w.text, (words.get(w.text) ?? 0) + 1);
          return {
            kind: 'plenary',
            activityId: activity.id,
            voters: ballots.filter((b) => (b.value ?? 0) > 0).length,
            votes,
            wordTotal: [...words.values()].reduce((a, b) => a + b, 0),
            words: [...words.entries()].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
          };
        }
        case 'closing': {
          const evaluations = rows.filter((r) => r.kind === 'evaluation');
          const questions = activity.config.questions.map((q) => {
            const values = evaluations.filter((e) => e.itemKey === q.id && e.value !== null).map((e) => e.value!);
            const distribution = [0, 0, 0, 0, 0];
            for (const v of values) distribution[v]!++;
            return { id: q.id, n: values.length, distribution, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null };
          });
          const respondents = new Set(rows.filter((r) => r.kind === 'evaluation' || r.kind === 'evaluation_text').map((r) => r.participantId)).size;
          return {
            kind: 'closing',
            activityId: activity.id,
            respondents,
            questions,
            texts: rows.filter((r) => r.kind === 'evaluation_text').map((r) => (r.redactedAt ? { id: r.id, text: '', redacted: true } : { id: r.id, text: r.text })),
          };
        }
        case 'reflection':
        // A Q-sort and a kollegaveiledning report through their own events.
        case 'qsort':
        case 'supervision':
          return null;
      }
    },
  };
}
export type ResultsService = ReturnType<typeof createResultsService>;
