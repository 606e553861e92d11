import { parseFailure } from '../../privacy/free-text';
import { kindEvent } from '../contract';
import { votesSchema, wordSchema } from './answers';

/**
 * Plenum's own client events. Named here, not in lib/protocol.ts: the socket-event table, the
 * client inputs, the event limits and the access matrix take them from the registry. The names
 * on the wire are the ones they had as core events (`workshop:word`, `workshop:votes`), so
 * clients and docs/protocol.md stay true.
 */
export const plenaryEvents = {
  /** A participant's word for the word cloud; replaces an earlier one. A refused word is named by `word`. */
  word: kindEvent<null>()({
    name: 'workshop:word',
    schema: wordSchema,
    rateClass: 'answer',
    senders: 'participants',
    refusal: (error) => parseFailure(error, 'invalid word', { word: error.issues[0]?.message ?? 'INVALID' }),
    example: { word: 'tillit' },
    // Sending a word when the current step is no plenary (or none at all).
    refusedOutside: 'CONFLICT',
  }),
  /** A participant's dots on the themes (theme id → dots); replaces the earlier ballot. */
  votes: kindEvent<null>()({
    name: 'workshop:votes',
    schema: votesSchema,
    rateClass: 'answer',
    senders: 'participants',
    example: { votes: { c1: 2 } },
    refusedOutside: 'CONFLICT',
  }),
};
