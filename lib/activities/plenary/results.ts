import { z } from 'zod';
import type { ActivityTally } from '../contract';
import { atLeast } from '../tally-kit';
import type { PlenaryConfig } from './config';

export const plenaryResultsSchema = z.object({
  kind: z.literal('plenary'),
  activityId: z.string(),
  voters: z.number().nullable(),
  votes: z.record(z.string(), z.number()).nullable(),
  wordTotal: z.number().nullable(),
  words: z.array(z.object({ word: z.string(), count: z.number() })),
});
export type PlenaryResults = z.infer<typeof plenaryResultsSchema>;

export const plenaryTally: ActivityTally<'plenary', PlenaryConfig, PlenaryResults> = {
  schema: plenaryResultsSchema,
  answerKinds: ['vote_count', 'word'],
  // An emptied ballot is no vote: it must not count towards a batch either.
  streamOf: (row) => (row.kind === 'word' ? 'word' : (row.value ?? 0) > 0 ? 'ballot' : null),
  tally(activity, _step, rows) {
    const ballots = rows.filter((r) => r.kind === 'vote_count' && (r.value ?? 0) > 0);
    const votes: Record<string, number> = {};
    for (const b of ballots) for (const [key, n] of Object.entries((b.data.votes as Record<string, number>) ?? {})) votes[key] = (votes[key] ?? 0) + n;
    const words = new Map<string, number>();
    // A redacted word has no text left to show; its place in the cloud goes with it.
    for (const w of rows.filter((r) => r.kind === 'word' && r.redactedAt === null)) words.set(w.text, (words.get(w.text) ?? 0) + 1);
    return {
      kind: 'plenary',
      activityId: activity.id,
      voters: ballots.length,
      votes,
      wordTotal: [...words.values()].reduce((a, b) => a + b, 0),
      words: [...words.entries()].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
    };
  },
  answered: (results) => results.voters,
  publicView(results, minCount, hidden) {
    const enoughVoters = atLeast(results.voters, minCount);
    const enoughWords = atLeast(results.wordTotal, minCount);
    return {
      ...results,
      voters: enoughVoters ? results.voters : null,
      votes: enoughVoters ? results.votes : null,
      wordTotal: enoughWords ? results.wordTotal : null,
      words: enoughWords ? results.words.filter((w) => !hidden.has(`word:${w.word}`)) : [],
    };
  },
};
