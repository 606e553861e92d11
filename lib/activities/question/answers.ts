import { z } from 'zod';
import { clientKey, freeText } from '../../privacy/free-text';
import { isChoiceFormat, isScaleFormat, OPEN_ANSWER_MAX, scaleRange, type QuestionConfig } from './config';

/**
 * What a phone sends for a Spørsmål. Sending again replaces the earlier answer, so a person can
 * change their mind until the facilitator locks.
 */
export const questionAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choice'), optionIds: z.array(clientKey(20)).min(1).max(10) }),
  z.object({ type: z.literal('scale'), value: z.number().int().min(0).max(10) }),
  z.object({ type: z.literal('open'), text: freeText(OPEN_ANSWER_MAX).min(1, { error: 'REQUIRED' }) }),
]);
export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;

/**
 * The `question:answer` payload: the answer and the question it answers. Two questions can
 * follow each other on an agenda, so a phone still showing the first must not have its answer
 * land on the second.
 */
export const questionAnswerRequestSchema = z.object({ activityId: z.uuid(), answer: questionAnswerSchema });
export type QuestionAnswerRequest = z.infer<typeof questionAnswerRequestSchema>;

/** A participant's own answer as the phone shows it again (after a reload or a step back). */
export type MyQuestionAnswer = { type: 'choice'; optionIds: string[] } | { type: 'scale'; value: number } | { type: 'open'; text: string; redacted?: boolean };

/**
 * Whether an answer fits the question it is sent to: the right format, known options (exactly
 * one for a single choice, each at most once), a value on the scale. The schema checks shape;
 * this checks it against the facilitator's config.
 */
export function answerFits(config: QuestionConfig, answer: QuestionAnswer): boolean {
  switch (answer.type) {
    case 'choice': {
      if (!isChoiceFormat(config.format)) return false;
      const known = new Set(config.options.map((o) => o.id));
      const unique = new Set(answer.optionIds);
      if (unique.size !== answer.optionIds.length || answer.optionIds.some((id) => !known.has(id))) return false;
      return config.format === 'multiple' || answer.optionIds.length === 1;
    }
    case 'scale': {
      if (!isScaleFormat(config.format)) return false;
      const { min, max } = scaleRange(config.format);
      return answer.value >= min && answer.value <= max;
    }
    case 'open':
      return config.format === 'open';
  }
}
