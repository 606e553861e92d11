import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { findings } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import { clientEvents, type FindingCard } from '@/lib/protocol';
import { serverActivityModules } from '../activities/registry';
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

  // Every kind's answer events, from the server registry: a new kind's events need no line here.
  for (const m of serverActivityModules) {
    for (const event of Object.keys(m.answers) as (keyof typeof clientEvents)[]) handle(socket, clientEvents[event], anything, asParticipant(feedback.answer(m.kind, event)), log);
  }

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
