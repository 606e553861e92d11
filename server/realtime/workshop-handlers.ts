import { fail, ok, type Result } from '@/lib/errors';
import { clientEvents } from '@/lib/protocol';
import type { ClientEvent, EventOutput, EventPayload } from '@/lib/socket-events';
import { serverActivityModules } from '../activities/registry';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { ResultsBroadcast } from './results-broadcast';
import type { Revocation } from './revocation';
import type { VerkstedSocket } from './rooms';
import { handleEvent } from './socket-handler';

/** The events an activity kind stores answers under: answered with nothing once stored. */
type AnswerEvent = { [E in ClientEvent]: EventOutput<E> extends null ? E : never }[ClientEvent];

/** Participants' answers during a workshop: parse, identify, store durably, then ack. */
export function registerWorkshopHandlers(socket: VerkstedSocket, services: Services, access: Revocation, results: ResultsBroadcast, log: Logger) {
  const { feedback } = services;

  const answer = <E extends AnswerEvent>(event: E, store: (sessionId: string, participantId: string, input: EventPayload<E>) => Promise<Result<EventOutput<E>>>) =>
    handleEvent(socket, event, async (input) => {
      const m = socket.data.membership;
      if (!m?.participantId) return fail('NOT_JOINED', 'only participants answer');
      const result = await store(m.sessionId, m.participantId, input);
      if (result.ok) results.changed(m.sessionId);
      return result;
    }, log);

  // Every kind's answer events, from the server registry: a new kind's events need no line here.
  // Each is validated at the edge with its entry in lib/socket-events.ts, the kind's own schema.
  for (const m of serverActivityModules) {
    for (const event of Object.keys(m.answers)) answer(event as AnswerEvent, feedback.answer(m.kind, event));
  }

  handleEvent(socket, clientEvents.mine, async () => {
    const m = socket.data.membership;
    if (!m?.participantId) return fail('NOT_JOINED', 'only participants have answers');
    return ok(await feedback.mine(m.sessionId, m.participantId));
  }, log);

  handleEvent(socket, clientEvents.workshopContent, async () => {
    const m = socket.data.membership;
    if (!m) return fail('NOT_JOINED', 'join first');
    const member = m.userId ? await access.member(socket, 'read') : null;
    if (member && !member.ok) return member;
    return ok({ findings: await services.workshopContent.findingCards(m.sessionId) });
  }, log);
}
