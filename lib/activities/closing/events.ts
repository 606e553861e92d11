import { parseFailure } from '../../privacy/free-text';
import { kindEvent } from '../contract';
import { evaluateSchema } from './answers';

/**
 * Avslutning's own client events. Named here, not in lib/protocol.ts: the socket-event table, the
 * client inputs, the event limits and the access matrix take them from the registry. The name on
 * the wire is the one it had as a core event (`workshop:evaluate`), so clients and
 * docs/protocol.md stay true.
 */
export const closingEvents = {
  /** A participant's 0–4 answers and free text; replaces earlier ones. A refused text is named by `text`. */
  evaluate: kindEvent<null>()({
    name: 'workshop:evaluate',
    schema: evaluateSchema,
    rateClass: 'answer',
    senders: 'participants',
    refusal: (error) => parseFailure(error, 'invalid evaluation', { text: error.issues[0]?.message ?? 'INVALID' }),
    example: { answers: { nytte: 3 }, text: 'Nyttig dag' },
    // Evaluating when the current step is no closing round (or none at all).
    refusedOutside: 'CONFLICT',
  }),
};
