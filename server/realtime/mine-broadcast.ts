import { serverEvents, type MineChanged } from '@/lib/protocol';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { participantRoom, type VerkstedIo, type VerkstedSocket } from './rooms';

/** How many participants' answers are read at once when a step changes. */
const BATCH = 20;

/**
 * Sends participants their own answers: when they join and when the workshop moves to another
 * step (`workshop:myAnswers`), and when a facilitator redacted one of them (`workshop:mineChanged`). Phones no
 * longer ask after every step; the server reads each one's answers once and pushes them.
 */
export function createMineBroadcast(io: VerkstedIo, services: Services, log: Logger) {
  const read = async (sessionId: string, participantId: string, reason: MineChanged['reason']): Promise<MineChanged> => ({
    answers: await services.feedback.mine(sessionId, participantId),
    reason,
  });

  // A redaction has its own event: the phone says so, and resets its forms.
  const eventFor = (reason: MineChanged['reason']) => (reason === 'redacted' ? serverEvents.mineChanged : serverEvents.myAnswers);

  async function pushAll(sessionId: string, participantIds: readonly string[], reason: MineChanged['reason']) {
    for (let i = 0; i < participantIds.length; i += BATCH) {
      await Promise.all(
        participantIds.slice(i, i + BATCH).map(async (id) => io.to(participantRoom(sessionId, id)).emit(eventFor(reason), await read(sessionId, id, reason))),
      );
    }
  }

  return {
    /** To every connection of these participants; not awaited by the command that caused it. */
    push(sessionId: string, participantIds: readonly string[], reason: MineChanged['reason'] = 'step'): void {
      if (participantIds.length === 0) return;
      pushAll(sessionId, participantIds, reason).catch((err: unknown) => log.error({ err, sessionId }, 'pushing own answers failed'));
    },
    /** To one just-joined connection. */
    sendTo(socket: VerkstedSocket, sessionId: string, participantId: string): void {
      read(sessionId, participantId, 'joined')
        .then((changed) => socket.emit(serverEvents.myAnswers, changed))
        .catch((err: unknown) => log.error({ err, sessionId }, 'own answers for a new connection failed'));
    },
  };
}
