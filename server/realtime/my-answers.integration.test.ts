import { eq } from 'drizzle-orm';
import { readLiveState } from '@/lib/live-session';
import { afterEach, describe, expect, it } from 'vitest';
import { workshops } from '@/db/schema';
import { clientEvents, serverEvents, type JoinResult, type MineChanged } from '@/lib/protocol';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { seedDemoProject } from '../demo/seed-demo';
import { eventually } from '../../test/retry';
import { serverHarness } from '../../test/server-harness';
import { emit } from '../../test/workshop-room';

describe('a participant\'s own answers come pushed, not asked for', () => {
  let h: ReturnType<typeof serverHarness>;
  afterEach(() => h.cleanup());

  it('pushes them on joining and at every step change, and a reloaded phone gets them back at join', async () => {
    h = serverHarness();
    await h.start();
    const { user, cookie } = await h.facilitator();
    const db = h.server.services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [workshop] = await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, projectId));
    const opened = await h.server.services.live.open(user.id, projectId, { title: 'Verksted' }, { workshopId: workshop!.id });
    if (!opened.ok) throw new Error(opened.error.code);
    const { id: sessionId, code } = opened.data;
    const fac = h.socket(cookie);
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId })).toMatchObject({ ok: true });
    const run = async (command: WorkshopCommand) => expect(await emit(fac, clientEvents.command, { sessionId, command: { type: 'workshop', command } })).toMatchObject({ ok: true });

    const { cookie: phoneCookie } = await h.joinHttp(code, null);
    const phone = h.socket(phoneCookie);
    const pushed: MineChanged[] = [];
    phone.on(serverEvents.myAnswers, (m) => pushed.push(m));
    const joined = await emit<JoinResult>(phone, clientEvents.join, { as: 'participant', code });
    if (!joined.ok) throw new Error('join');
    await eventually(() => expect(pushed).toEqual([{ reason: 'joined', answers: { responses: {}, word: null, votes: {}, evaluation: null, byActivity: {} } }]));

    await run({ type: 'next' });
    await eventually(() => expect(pushed.map((m) => m.reason)).toEqual(['joined', 'step']));
    // The phone's view holds no config of steps to come; the agenda as stored does.
    const stored = readLiveState((await h.server.services.live.byId(sessionId))!.state).workshop!;
    const round = stored.activities.find((a) => a.kind === 'findings')!;
    const findingId = round.config.findingIds[0] as string;
    expect(await emit(phone, clientEvents.respond, { findingId, response: 'nyanserer', comment: 'Gjelder ikke alle' })).toEqual({ ok: true, data: null });
    // Moving on within the findings round and to the next step: the answer comes with each step.
    await run({ type: 'next' });
    await run({ type: 'goTo', index: 2 });
    const answer = { response: 'nyanserer', comment: 'Gjelder ikke alle' };
    // The same answer as a stored row of its activity (what a kind's own view reads).
    const byActivity = { [round.id]: [{ kind: 'finding_response', itemKey: findingId, text: 'Gjelder ikke alle', value: null, data: {}, redacted: false }] };
    await eventually(() => expect(pushed.slice(2)).toEqual([
      { reason: 'step', answers: { responses: { [findingId]: answer }, word: null, votes: {}, evaluation: null, byActivity } },
      { reason: 'step', answers: { responses: { [findingId]: answer }, word: null, votes: {}, evaluation: null, byActivity } },
    ]));

    // The same phone reloaded: its answers arrive with the join, nobody asks.
    const again = h.socket(phoneCookie);
    const pushedAgain: MineChanged[] = [];
    again.on(serverEvents.myAnswers, (m) => pushedAgain.push(m));
    expect(await emit(again, clientEvents.join, { as: 'participant', code })).toMatchObject({ ok: true });
    await eventually(() => expect(pushedAgain).toEqual([{ reason: 'joined', answers: { responses: { [findingId]: answer }, word: null, votes: {}, evaluation: null, byActivity } }]));
    // A facilitator's own commands push nothing to facilitators.
    const facPushes: unknown[] = [];
    fac.on(serverEvents.myAnswers, (m) => facPushes.push(m));
    await run({ type: 'next' });
    await eventually(() => expect(pushed).toHaveLength(5));
    expect(facPushes).toEqual([]);
  }, 60_000);
});
