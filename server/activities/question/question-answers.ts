import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import { answerFits, questionAnswerSchema } from '@/lib/activities/question/answers';
import type { QuestionConfig } from '@/lib/activities/question/config';
import { storedAnswer, type StoredQuestionAnswer } from '@/lib/activities/question/stored';

/** The columns a Spørsmål answer replaces in its feedback row, with the question as its theme. */
export type QuestionRow = StoredQuestionAnswer & { theme: string };

/**
 * Judges a phone's answer to the current Spørsmål: the schema (with the privacy guard on an
 * open answer), then whether it fits the question. Pure, so the transport and the store stay
 * apart from what an answer means.
 */
export function questionRowFor(config: QuestionConfig, input: unknown): Result<QuestionRow> {
  const parsed = questionAnswerSchema.safeParse(input);
  if (!parsed.success) return parseFailure(parsed.error, 'invalid answer', { text: parsed.error.issues[0]?.message ?? 'INVALID' });
  if (!answerFits(config, parsed.data)) return fail('BAD_REQUEST', 'the answer does not fit this question');
  // The prompt goes with the row, so the kept feedback reads on its own after the session.
  return ok({ ...storedAnswer(parsed.data), theme: config.prompt });
}
