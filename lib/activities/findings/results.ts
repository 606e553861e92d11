import { z } from 'zod';
import type { ActivityTally, KindActivity } from '../contract';
import { atLeast, unordered } from '../tally-kit';
import type { FindingsConfig } from './config';

export const responseCountsSchema = z.object({ kjenner_igjen: z.number(), nyanserer: z.number(), avkrefter: z.number() });

export const findingsResultsSchema = z.object({
  kind: z.literal('findings'),
  activityId: z.string(),
  findingId: z.string(),
  total: z.number().nullable(),
  counts: responseCountsSchema.nullable(),
  /**
   * `response` only for facilitators: on the screen a comment is not tied to an answer.
   * `redacted`: a facilitator took the text out; it is empty and a marker is shown instead.
   */
  comments: z.array(z.object({ id: z.string(), text: z.string(), response: z.string().optional(), redacted: z.boolean().optional() })),
});
export type FindingsResults = z.infer<typeof findingsResultsSchema>;

/** One finding at a time: the step is the finding's position in the round. */
export const findingsTally: ActivityTally<'findings', FindingsConfig, FindingsResults> = {
  schema: findingsResultsSchema,
  answerKinds: ['finding_response'],
  streamOf: (row) => `finding:${row.findingId}`,
  tally(activity: KindActivity<'findings', FindingsConfig>, step, rows) {
    const findingId = activity.config.findingIds[step] ?? '';
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
      comments: unordered(
        answers
          .filter((a) => a.text || a.redactedAt !== null)
          .map((a) => (a.redactedAt !== null ? { id: a.id, text: '', response: a.response ?? '', redacted: true } : { id: a.id, text: a.text, response: a.response ?? '' })),
      ),
    };
  },
  answered: (results) => results.total,
  publicView(results, minCount, hidden) {
    if (!atLeast(results.total, minCount)) return { ...results, total: null, counts: null, comments: [] };
    return { ...results, comments: results.comments.filter((c) => !hidden.has(c.id)).map(({ id, text, redacted }) => (redacted ? { id, text, redacted } : { id, text })) };
  },
};
