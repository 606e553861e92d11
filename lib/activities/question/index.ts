import type { ActivityKindModule } from '../contract';
import { questionOutcome, type QuestionOutcome } from './outcome';
import { defaultQuestionConfig, defaultQuestionTitle, questionConfigSchema, questionTexts, type QuestionConfig } from './config';
import { questionEvents } from './events';
import { QUESTION_FEEDBACK_KIND, questionTally, type QuestionResults } from './tally';

/**
 * Spørsmål: a quick question on the big screen, answered on the phones (a choice, a 0–4 or
 * 1–10 scale, or a short open answer), shown as bars, a distribution or a word list after
 * reveal. Its answers are feedback items like every other kind's; it needs no runtime hooks:
 * lock and reveal are the workshop's own switches, reset when the room enters a step.
 */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const questionActivity: ActivityKindModule<'question', QuestionConfig, QuestionResults, never, typeof questionEvents, typeof QUESTION_FEEDBACK_KIND, QuestionOutcome> = {
  kind: 'question',
  configSchema: questionConfigSchema,
  // A question is asked when the facilitator sees a need, not in every workshop.
  inDefaultAgenda: false,
  defaultActivity: () => ({ kind: 'question', title: defaultQuestionTitle, config: defaultQuestionConfig() }),
  texts: questionTexts,
  answers: { [questionEvents.answer.name]: questionEvents.answer.schema },
  events: questionEvents,
  feedback: {
    // Choices and scale values are counts; an open answer is kept like a word-cloud word.
    [QUESTION_FEEDBACK_KIND]: { dataWithoutText: true, resendable: true, retention: { text: 'word', data: [] } },
  },
  results: questionTally,
  docs: null,
  nested: null,
  outcome: questionOutcome,
};
