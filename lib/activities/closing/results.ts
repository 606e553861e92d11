import { z } from 'zod';
import type { ActivityTally } from '../contract';
import { atLeast, batchSize, unordered } from '../tally-kit';
import type { ClosingConfig } from './config';

export const closingResultsSchema = z.object({
  kind: z.literal('closing'),
  activityId: z.string(),
  respondents: z.number().nullable(),
  questions: z.array(z.object({ id: z.string(), n: z.number().nullable(), distribution: z.array(z.number()).length(5).nullable(), mean: z.number().nullable() })),
  texts: z.array(z.object({ id: z.string(), text: z.string(), redacted: z.boolean().optional() })),
});
export type ClosingResults = z.infer<typeof closingResultsSchema>;

export const closingTally: ActivityTally<'closing', ClosingConfig, ClosingResults> = {
  schema: closingResultsSchema,
  answerKinds: ['evaluation', 'evaluation_text'],
  streamOf: (row) => (row.kind === 'evaluation_text' ? 'evaluation_text' : row.value === null ? null : `evaluation:${row.itemKey}`),
  tally(activity, _step, rows) {
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
      texts: unordered(rows.filter((r) => r.kind === 'evaluation_text').map((r) => (r.redactedAt !== null ? { id: r.id, text: '', redacted: true } : { id: r.id, text: r.text }))),
    };
  },
  // Counted across streams published apart: rounded down to whole batches, as publicView does.
  answered: (results, minCount) => (results.respondents === null ? null : Math.floor(results.respondents / batchSize(minCount)) * batchSize(minCount)),
  publicView(results, minCount, hidden) {
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
  },
};
