import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems, statementSets } from '@/db/schema';
import { clientEvents, serverEvents, type JoinResult, type QsortAnalysis, type SnapshotView } from '@/lib/protocol';
import type { QsortProgress } from '@/lib/qsort/progress';
import type { SupervisionCommand } from '@/lib/supervision/engine';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { seedDemoProject } from '../demo/seed-demo';
import { sortIn } from '../../test/qsort';
import { eventually } from '../../test/retry';
import { emitAck as emit, serverHarness, sharedServerHarness, type TestSocket } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;
/** Save revisions only grow, as a device's do. */
let revs = 0;
const nextRev = () => ++revs;
const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));

interface Phone {
  socket: TestSocket;
  id: string;
  snapshots: SnapshotView[];
}

describe('Q-sort and kollegaveiledning as workshop activities, over the realtime server', () => {
  let h: Harness;
  // One server for the file: each test makes its own project and session and looks only at them.
  beforeAll(async () => {
    h = sharedServerHarness();
    await h.start();
  });
  afterEach(() => h.closeClients());
  afterAll(() => h.cleanup());

  /** The demo project with a new (anonymous) workshop whose default agenda gets a `kind` activity appended (index 4). */
  async function workshopWith(kind: 'qsort' | 'supervision') {
    const { user, cookie } = await h.facilitator();
    const services = h.server.services;
    const db = services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const created = await services.workshops.create(user.id, projectId, { title: 'Verksted 2' });
    if (!created.ok) throw new Error(created.error.code);
    const workshopId = created.data.id;
    const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const templates = await services.supervision.listTemplates(user.id, projectId);
    if (!templates.ok) throw new Error(templates.error.code);
    const config = kind === 'qsort' ? { setId: set!.id } : { templateId: templates.data[0]!.id };
    const added = await services.workshops.addActivity(user.id, workshopId, { kind, title: kind === 'qsort' ? 'Q-sortering' : 'Kollegaveiledning', config });
    if (!added.ok) throw new Error(added.error.code);
    return { user, cookie, projectId, workshopId, activityId: added.data.id, setId: set!.id };
  }

  async function start(userId: string, projectId: string, workshopId: string, cookie: string) {
    const services = h.server.services;
    const opened = await services.live.open(userId, projectId, { title: 'Verksted 2' }, { workshopId });
    if (!opened.ok) throw new Error(opened.error.code);
    const session = opened.data;
    const fac = h.socket(cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const run = async (command: WorkshopCommand) => {
      const r = await emit<{ version: number }>(fac, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    };
    return { session, fac, run };
  }

  async function phones(code: string, names: (string | null)[]) {
    const out: Phone[] = [];
    for (const name of names) {
      const joined = await h.joinHttp(code, name);
      expect(joined.body.ok).toBe(true);
      const socket = h.socket(joined.cookie);
      const snapshots: SnapshotView[] = [];
      socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code });
      if (!join.ok) throw new Error('join');
      out.push({ socket, id: join.data.participantId!, snapshots });
    }
    return out;
  }

  it('runs a Q-sort step: the frozen set opens on entering, sorts are analysed after moving on, feedback names workshop and activity', async () => {
    const { user, cookie, projectId, workshopId, activityId, setId } = await workshopWith('qsort');
    const services = h.server.services;
    const db = services.database.db;
    // A set from another project is refused.
    expect(await services.workshops.updateActivity(user.id, workshopId, activityId, { kind: 'qsort', title: 'Q', config: { setId: '6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f' } })).toMatchObject({ ok: false, error: { fields: { setId: 'NOT_FOUND' } } });

    const { session, fac, run } = await start(user.id, projectId, workshopId, cookie);
    const progress: QsortProgress[] = [];
    fac.on(serverEvents.qsortProgress, (p) => progress.push(p));
    // Edits to the set after the start do not reach the running workshop.
    await db.update(statementSets).set({ name: 'Endret etter start' }).where(eq(statementSets.id, setId));

    const [a, b, c] = (await phones(session.code, [null, null, null])) as [Phone, Phone, Phone];
    expect(await emit(a.socket, clientEvents.qsortSave, { rev: nextRev(), state: sortIn(ids) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await run({ type: 'goTo', index: 4 });
    await eventually(() => expect(a.snapshots.at(-1)?.state.qsort).toMatchObject({ activityId, open: true, setId }));
    expect(a.snapshots.at(-1)?.state.qsort?.setName).not.toBe('Endret etter start');
    expect(a.snapshots.at(-1)?.state.qsort?.statements).toHaveLength(36);

    const reversed = [...ids].reverse();
    const shuffled = [...ids.filter((_, i) => i % 2 === 0), ...ids.filter((_, i) => i % 2 === 1)];
    const first = { ...sortIn(ids, 'Måke'), comments: { '36': 'Dette er kjernen' } };
    for (const [phone, state] of [[a, first], [b, sortIn(reversed)], [c, sortIn(shuffled)]] as const) {
      expect(await emit(phone.socket, clientEvents.qsortSave, { rev: nextRev(), state })).toEqual({ ok: true, data: { status: 'done' } });
    }
    await eventually(() => expect(progress.at(-1)).toMatchObject({ done: 3 }));

    // On to the plenary: sorting closes, the sorts stay analysable.
    await run({ type: 'goTo', index: 2 });
    await eventually(() => expect(a.snapshots.at(-1)?.state.qsort?.open).toBe(false));
    expect(await emit(b.socket, clientEvents.qsortSave, { rev: nextRev(), state: sortIn(ids) })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const options = { factors: 2, extraction: 'centroid', rotation: 'varimax' } as const;
    const analysed = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options });
    expect(analysed.ok && analysed.data.result.sorts).toEqual(['Måke', 'Q2', 'Q3']);
    const kept = await emit<{ kept: number }>(fac, clientEvents.qsortKeepFactors, { options, names: [{ name: 'Lovverket først', description: '' }, { name: 'Brukeren først', description: '' }] });
    expect(kept).toEqual({ ok: true, data: { kept: 2 } });

    const items = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id));
    const qItems = items.filter((i) => i.kind === 'q_factor' || i.kind === 'q_comment');
    expect(qItems.map((i) => i.kind).sort()).toEqual(['q_comment', 'q_factor', 'q_factor']);
    for (const item of qItems) expect(item).toMatchObject({ workshopId, activityId });
  });

  it('runs a kollegaveiledning step in an anonymous workshop: neutral labels, roles, a turn round and a learning point kept with the workshop', async () => {
    const { user, cookie, projectId, workshopId, activityId } = await workshopWith('supervision');
    const { session, fac, run } = await start(user.id, projectId, workshopId, cookie);
    const lead = async (command: SupervisionCommand, from = fac) => {
      const r = await emit<{ version: number }>(from, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    };
    // No name needed (and none kept): the workshop is anonymous.
    const room = await phones(session.code, ['Kari', null, null]);
    await run({ type: 'goTo', index: 4 });
    const latest = () => room[0]!.snapshots.at(-1)?.state.supervision;
    await eventually(() => expect(latest()?.members.map((m) => m.name)).toEqual(['Deltaker 1', 'Deltaker 2', 'Deltaker 3']));
    expect(latest()?.activityId).toBe(activityId);
    // A latecomer is seated under the next label.
    const [late] = await phones(session.code, [null]);
    await eventually(() => expect(latest()?.members.map((m) => m.name)).toContain('Deltaker 4'));

    const [owner, second, third] = room as [Phone, Phone, Phone];
    await lead({ type: 'setRole', memberId: owner.id, role: 'case_owner' });
    await lead({ type: 'setCase', case: { framlegg: 'En bruker som ikke møter opp', question: 'Hvordan få kontakt?' } }, owner.socket);
    await lead({ type: 'next' });
    await lead({ type: 'next' });
    // The clarifying questions go round: the speaker may pass the word on.
    // Each phone finds itself in the queue by its own id; the others' ids it is never sent.
    await eventually(() => expect([second, third, late!].map((p, i) => p.snapshots.at(-1)?.state.supervision?.turn?.queue[i])).toEqual([second.id, third.id, late!.id]));
    expect(JSON.stringify(second.snapshots.at(-1))).not.toContain(third.id);
    await lead({ type: 'turnPass' }, second.socket);
    await eventually(() => expect(latest()?.turn?.index).toBe(1));
    await lead({ type: 'turnNext' });
    for (let round = 2; round < latest()!.rounds.length; round++) {
      await lead({ type: 'next' });
      await eventually(() => expect(latest()?.current).toBe(round));
    }

    expect(await emit(third.socket, clientEvents.supervisionOutcome, { type: 'learningPoint', text: 'Spør før vi råder' })).toEqual({ ok: true, data: null });
    // The room moves on: the meeting's case is archived, its commands are refused.
    await run({ type: 'goTo', index: 3 });
    expect(await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command: { type: 'next' } } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await emit(third.socket, clientEvents.supervisionOutcome, { type: 'learningPoint', text: 'For sent' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const db = h.server.services.database.db;
    await eventually(async () => {
      const items = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id));
      const kinds = items.filter((i) => i.kind === 'learning_point' || i.kind === 'supervision_case');
      expect(kinds.map((i) => i.kind).sort()).toEqual(['learning_point', 'supervision_case']);
      for (const item of kinds) expect(item).toMatchObject({ workshopId, activityId });
    });
  });
});
