import { parseFailure } from '../../privacy/free-text';
import { kindEvent } from '../contract';
import { questionAnswerRequestSchema } from './answers';

/**
 * Spørsmål's own client events. Named here, not in lib/protocol.ts: the socket-event table, the
 * client inputs, the event limits and the access matrix take them from the registry.
 */
export const questionEvents = {
  /** A participant's answer to the current Spørsmål; replaces an earlier one. An open answer's text is refused by `text`. */
  answer: kindEvent<null>()({
    name: 'question:answer',
    schema: questionAnswerRequestSchema,
    rateClass: 'answer',
    senders: 'participants',
    refusal: (error) => parseFailure(error, 'invalid answer', { text: error.issues[0]?.message ?? 'INVALID' }),
    example: { activityId: '00000000-0000-4000-8000-000000000001', answer: { type: 'open', text: 'tillit' } },
    // Answering when the current step is no Spørsmål (or none at all).
    refusedOutside: 'CONFLICT',
  }),
};
