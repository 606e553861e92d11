import { z } from 'zod';
import { batchSize } from './tally';

/**
 * Aggregated results of the current activity. The facilitator always gets them; the big
 * screen and the phones only after "reveal", and never counts from fewer answers than the
 * workshop's minimum (a small tally can point at a person).
 */
export const responseCountsSchema = z.object({ kjenner_igjen: z.number(), nyanserer: z.number(), avkrefter: z.number() });

/** A count the public view leaves out (null) when it is below the minimum. */
const count = z.number().nullable();

export const activityResultsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('findings'),
    activityId: z.string(),
    findingId: z.string(),
    total: count,
    counts: responseCountsSchema.nullable(),
    /**
     * `response` only for facilitators: on the screen a comment is not tied to an answer.
     * `redacted`: a facilitator took the text out; it is empty and a marker is shown instead.
     */
    comments: z.array(z.object({ id: z.string(), text: z.string(), response: z.string().optional(), redacted: z.boolean().optional() })),
  }),
  z.object({
    kind: z.literal('plenary'),
    activityId: z.string(),
    voters: count,
    votes: z.record(z.string(), z.number()).nullable(),
    wordTotal: count,
    words: z.array(z.object({ word: z.string(), count: z.number() })),
  }),
  z.object({
    kind: z.literal('closing'),
    activityId: z.string(),
    respondents: count,
    questions: z.array(z.object({ id: z.string(), n: count, distribution: z.array(z.number()).length(5).nullable(), mean: z.number().nullable() })),
    texts: z.array(z.object({ id: z.string(), text: z.string(), redacted: z.boolean().optional() })),
  }),
]);
export type ActivityResults = z.infer<typeof activityResultsSchema>;

const atLeast = (n: number | null, minCount: number) => n !== null && n >= minCount;

/**
 * What may be shown beyond the facilitator: nothing before reveal, and below the minimum
 * nothing about the answers at all, not even how many there are. `results` should be tallied
 * from the published answers (`publishedAnswers` in ./tally), so every count it shows moves
 * in whole batches.
 */
export function publicResults(results: ActivityResults | null, revealed: boolean, minCount: number, hiddenItems: string[]): ActivityResults | null {
  if (!results || !revealed) return null;
  const hidden = new Set(hiddenItems);
  switch (results.kind) {
    case 'findings': {
      if (!atLeast(results.total, minCount)) return { ...results, total: null, counts: null, comments: [] };
      return { ...results, comments: results.comments.filter((c) => !hidden.has(c.id)).map(({ id, text, redacted }) => (redacted ? { id, text, redacted } : { id, text })) };
    }
    case 'plenary': {
      const enoughVoters = atLeast(results.voters, minCount);
      const enoughWords = atLeast(results.wordTotal, minCount);
      return {
        ...results,
        voters: enoughVoters ? results.voters : null,
        votes: enoughVoters ? results.votes : null,
        wordTotal: enoughWords ? results.wordTotal : null,
        words: enoughWords ? results.words.filter((w) => !hidden.has(`word:${w.word}`)) : [],
      };
    }
    case 'closing': {
      // Respondents are counted across the questions and the texts, each published in its own
      // batches; rounding down keeps this number moving in whole batches too.
      const k = batchSize(minCount);
      const respondents = results.respondents === null ? 0 : Math.floor(results.respondents / k) * k;
      const enough = respondents >= minCount;
      return {
        ...results,
        respondents: enough ? respondents : null,
        questions: results.questions.map((q) => (atLeast(q.n, minCount) ? q : { ...q, n: null, distribution: null, mean: null })),
        texts: enough ? results.texts.filter((t) => !hidden.has(t.id)) : [],
      };
    }
  }
}

/** Lower-case, trimmed, inner whitespace collapsed: "Tillit " and "tillit" are one word. */
export const normalizeWord = (word: string) => word.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');
