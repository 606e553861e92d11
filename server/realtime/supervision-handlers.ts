import { fail, ok } from '@/lib/errors';
import { clientEvents, serverEvents } from '@/lib/protocol';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { everywhere } from './everywhere';
import type { Revocation } from './revocation';
import { handleEvent } from './socket-handler';
import { sessionRoom, type VerkstedIo, type VerkstedSocket } from './rooms';

/** Sends a kollegaveiledning's outcome (learning points, agreements) to one socket or the room. */
export function createOutcomeBroadcast(io: VerkstedIo, services: Services, log: Logger) {
  const send = (sessionId: string, to: (outcome: Awaited<ReturnType<Services['supervisionOutcome']['outcome']>>) => void) =>
    void services.supervisionOutcome
      .outcome(sessionId)
      .then(to)
      .catch((err: unknown) => log.error({ err, sessionId }, 'sending the outcome failed'));
  return {
    changed: everywhere(services.bus, 'outcome', (sessionId) => send(sessionId, (o) => io.local.to(sessionRoom(sessionId)).emit(serverEvents.supervisionOutcome, o))),
    sendTo: (socket: VerkstedSocket, sessionId: string) => send(sessionId, (o) => socket.emit(serverEvents.supervisionOutcome, o)),
  };
}
export type OutcomeBroadcast = ReturnType<typeof createOutcomeBroadcast>;

/** Learning points, agreements and evaluations: parse, identify, store durably, ack, broadcast. */
export function registerSupervisionHandlers(socket: VerkstedSocket, services: Services, access: Revocation, outcome: OutcomeBroadcast, log: Logger) {
  handleEvent(socket, clientEvents.supervisionOutcome, async (input) => {
    const m = socket.data.membership;
    if (!m || m.role === 'presenter') return fail('NOT_JOINED', 'join the meeting first');
    const member = m.role === 'facilitator' ? await access.member(socket, 'write') : null;
    if (member && !member.ok) return member;
    const actor = m.role === 'facilitator' ? { kind: 'facilitator' as const } : { kind: 'participant' as const, participantId: m.participantId ?? '' };
    const saved = await services.supervisionOutcome.save(m.sessionId, actor, input);
    if (!saved.ok) return saved;
    outcome.changed(m.sessionId);
    return ok(null);
  }, log);
}
