import { fail, ok, type Result } from '@/lib/errors';
import { clientEvents } from '@/lib/protocol';
import type { EventOutput, EventPayload } from '@/lib/socket-events';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { ResultsBroadcast } from './results-broadcast';
import type { Revocation } from './revocation';
import type { VerkstedSocket } from './rooms';
import { handleEvent } from './socket-handler';

type AnswerEvent = typeof clientEvents.respond | typeof clientEvents.withdraw | typeof clientEvents.word | typeof clientEvents.votes | typeof clientEvents.evaluate;

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

  answer(clientEvents.respond, feedback.respond);
  answer(clientEvents.withdraw, feedback.withdraw);
  answer(clientEvents.word, feedback.word);
  answer(clientEvents.votes, feedback.votes);
  answer(clientEvents.evaluate, feedback.evaluate);

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
