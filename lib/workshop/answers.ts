import type { FindingResponseValue } from '../activities/findings/answers';

/** What a participant sends during a workshop; the schemas live with their kinds (lib/activities/<kind>/answers.ts). */
export { findingResponseValues, respondSchema, withdrawSchema, type FindingResponseValue } from '../activities/findings/answers';
export { votesSchema, wordSchema } from '../activities/plenary/answers';
export { evaluateSchema } from '../activities/closing/answers';

/** A participant's own answers in the current activity, so a reloaded phone shows them again. */
export interface MyAnswers {
  responses: Record<string, { response: FindingResponseValue; comment: string }>;
  word: string | null;
  votes: Record<string, number>;
  evaluation: { answers: Record<string, number>; text: string } | null;
}
