import { z } from 'zod';
import { serverEvents, type MineChanged } from '@/lib/protocol';
import { busChannels } from '../bus';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { participantRoom, type VerkstedIo, type VerkstedSocket } from './rooms';

/** How many participants' answers are read at once when a step changes. */
const BATCH = 20;

/** How many participant ids go in one bus message (36-character ids stay far under NOTIFY's 8000 bytes). */
const IDS_PER_MESSAGE = 100;

const relayed = z.object({
  sessionId: z.string().uuid(),
  reason: z.enum(['step', 'redacted']),
  participantIds: z.array(z.string().uuid()).max(IDS_PER_MESSAGE).optional(),
});

/**
 * Sends participants their own answers: when they join and when the workshop moves to another
 * step (`workshop:myAnswers`), and when a facilitator redacted one of them (`workshop:mineChanged`). Phones no
 * longer ask after every step; the server reads each one's answers once and pushes them.
 * A phone may be connected to another server process than the command or redaction that made
 * its answers due, so each push is announced on the bus and every process serves its own
 * connections (`connectedIds` lists this process's participants of a session).
 */
export function createMineBroadcast(io: VerkstedIo, services: Services, log: Logger, connectedIds: (sessionId: string) => Promise<string[]>) {
  const read = async (sessionId: string, participantId: string, reason: MineChanged['reason']): Promise<MineChanged> => ({
    answers: await services.feedback.mine(sessionId, participantId),
    reason,
  });

  // A redaction has its own event: the phone says so, and resets its forms.
  const eventFor = (reason: MineChanged['reason']) => (reason === 'redacted' ? serverEvents.mineChanged : serverEvents.myAnswers);

  async function pushAll(sessionId: string, participantIds: readonly string[], reason: MineChanged['reason']) {
    for (let i = 0; i < participantIds.length; i += BATCH) {
      await Promise.all(
        participantIds.slice(i, i + BATCH).map(async (id) => io.local.to(participantRoom(sessionId, id)).emit(eventFor(reason), await read(sessionId, id, reason))),
      );
    }
  }

  /** To every connection of these participants on this process; not awaited by what caused it. */
  function pushHere(sessionId: string, participantIds: readonly string[] | Promise<readonly string[]>, reason: MineChanged['reason']): void {
    Promise.resolve(participantIds)
      .then((ids) => (ids.length > 0 ? pushAll(sessionId, ids, reason) : undefined))
      .catch((err: unknown) => log.error({ err, sessionId }, 'pushing own answers failed'));
  }

  services.bus.subscribe(busChannels.mine, (payload) => {
    const parsed = relayed.safeParse(payload);
    if (!parsed.success) return log.warn({ payload }, 'unreadable own-answers announcement');
    const { sessionId, reason, participantIds } = parsed.data;
    pushHere(sessionId, participantIds ?? connectedIds(sessionId), reason);
  });

  return {
    /** The workshop moved to another step: each participant connected to any process gets their answers. */
    stepChanged(sessionId: string, connectedHere: readonly string[]): void {
      pushHere(sessionId, connectedHere, 'step');
      services.bus.publish(busChannels.mine, { sessionId, reason: 'step' });
    },
    /** A facilitator redacted answers of these participants: they hear it on whichever process they are. */
    redacted(sessionId: string, participantIds: readonly string[]): void {
      if (participantIds.length === 0) return;
      pushHere(sessionId, participantIds, 'redacted');
      for (let i = 0; i < participantIds.length; i += IDS_PER_MESSAGE) {
        services.bus.publish(busChannels.mine, { sessionId, reason: 'redacted', participantIds: participantIds.slice(i, i + IDS_PER_MESSAGE) });
      }
    },
    /** To one just-joined connection. */
    sendTo(socket: VerkstedSocket, sessionId: string, participantId: string): void {
      read(sessionId, participantId, 'joined')
        .then((changed) => socket.emit(serverEvents.myAnswers, changed))
        .catch((err: unknown) => log.error({ err, sessionId }, 'own answers for a new connection failed'));
    },
  };
}
