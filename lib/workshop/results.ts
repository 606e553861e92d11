import { z } from 'zod';

/**
 * Aggregated results of the current activity. The facilitator always gets them; the big
 * screen and the phones only after "reveal", and never counts from fewer answers than the
 * workshop's minimum (a small tally can point at a person).
 */
export const responseCountsSchema = z.object({ kjenner_igjen: z.number(), nyanserer: z.number(), avkrefter: z.number() });

export const activityResultsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('findings'),
    activityId: z.string(),
    findingId: z.string(),
    total: z.number(),
    counts: responseCountsSchema.nullable(),
    /** `redacted`: a facilitator took the text out; it is empty and a marker is shown instead. */
    comments: z.array(z.object({ id: z.string(), text: z.string(), response: z.string(), redacted: z.boolean().optional() })),
  }),
  z.object({
    kind: z.literal('plenary'),
    activityId: z.string(),
    voters: z.number(),
    votes: z.record(z.string(), z.number()).nullable(),
    wordTotal: z.number(),
    words: z.array(z.object({ word: z.string(), count: z.number() })),
  }),
  z.object({
    kind: z.literal('closing'),
    activityId: z.string(),
    respondents: z.number(),
    questions: z.array(z.object({ id: z.string(), n: z.number(), distribution: z.array(z.number()).length(5).nullable(), mean: z.number().nullable() })),
    texts: z.array(z.object({ id: z.string(), text: z.string(), redacted: z.boolean().optional() })),
  }),
]);
export type ActivityResults = z.infer<typeof activityResultsSchema>;

/** What may be shown beyond the facilitator: nothing before reveal, no small counts ever. */
export function publicResults(results: ActivityResults | null, revealed: boolean, minCount: number, hiddenItems: string[]): ActivityResults | null {
  if (!results || !revealed) return null;
  const hidden = new Set(hiddenItems);
  switch (results.kind) {
    case 'findings': {
      const enough = results.total >= minCount;
      return { ...results, counts: enough ? results.counts : null, comments: enough ? results.comments.filter((c) => !hidden.has(c.id)) : [] };
    }
    case 'plenary': {
      const enoughWords = results.wordTotal >= minCount;
      return { ...results, votes: results.voters >= minCount ? results.votes : null, words: enoughWords ? results.words.filter((w) => !hidden.has(`word:${w.word}`)) : [] };
    }
    case 'closing': {
      const enough = results.respondents >= minCount;
      return {
        ...results,
        questions: results.questions.map((q) => (q.n >= minCount ? q : { ...q, distribution: null, mean: null })),
        texts: enough ? results.texts.filter((t) => !hidden.has(t.id)) : [],
      };
    }
  }
}

/** Lower-case, trimmed, inner whitespace collapsed: "Tillit " and "tillit" are one word. */
export const normalizeWord = (word: string) => word.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');
