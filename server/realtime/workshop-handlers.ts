import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { findings } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import { clientEvents, type FindingCard } from '@/lib/protocol';
import { questionAnswers } from '../activities/question';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { ResultsBroadcast } from './results-broadcast';
import type { Revocation } from './revocation';
import { handle } from './socket-handler';
import type { VerkstedSocket } from './socket-server';

const anything = z.unknown();

/** Participants' answers during a workshop: parse, identify, store durably, then ack. */
export function registerWorkshopHandlers(socket: VerkstedSocket, services: Services, access: Revocation, results: ResultsBroadcast, log: Logger) {
  const { feedback } = services;

  const asParticipant = (run: (sessionId: string, participantId: string, input: unknown) => Promise<Result<null>>) => async (input: unknown) => {
    const m = socket.data.membership;
    if (!m?.participantId) return fail('NOT_JOINED', 'only participants answer');
    const result = await run(m.sessionId, m.participantId, input);
    if (result.ok) results.changed(m.sessionId);
    return result;
  };

  handle(socket, clientEvents.respond, anything, asParticipant(feedback.respond), log);
  handle(socket, clientEvents.withdraw, anything, asParticipant(feedback.withdraw), log);
  handle(socket, clientEvents.word, anything, asParticipant(feedback.word), log);
  handle(socket, clientEvents.votes, anything, asParticipant(feedback.votes), log);
  handle(socket, clientEvents.evaluate, anything, asParticipant(feedback.evaluate), log);
  handle(socket, clientEvents.questionAnswer, anything, asParticipant(questionAnswers(feedback)), log);

  handle(socket, clientEvents.mine, anything, async () => {
    const m = socket.data.membership;
    if (!m?.participantId) return fail('NOT_JOINED', 'only participants have answers');
    return ok(await feedback.mine(m.sessionId, m.participantId));
  }, log);

  handle(socket, clientEvents.workshopContent, anything, async (): Promise<Result<{ findings: FindingCard[] }>> => {
    const m = socket.data.membership;
    if (!m) return fail('NOT_JOINED', 'join first');
    const member = m.userId ? await access.member(socket, 'read') : null;
    if (member && !member.ok) return member;
    const session = await services.live.byId(m.sessionId);
    const runtime = session ? readLiveState(session.state).workshop : null;
    if (!runtime) return ok({ findings: [] });
    const ids = runtime.activities.flatMap((a) => (a.kind === 'findings' ? a.config.findingIds : []));
    if (ids.length === 0) return ok({ findings: [] });
    const rows = await services.database.db.select().from(findings).where(inArray(findings.id, ids));
    return ok({
      findings: rows.map((f) => ({ id: f.id, title: f.title, summary: f.summary, quotes: f.quotes, reflectionQuestion: f.reflectionQuestion, theme: f.theme })),
    });
  }, log);
}
