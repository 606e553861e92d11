import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems, qsorts, statements, statementSets } from '@/db/schema';
import { seedGrid } from '@/lib/qsort/grid';
import { clientEvents, serverEvents, type JoinResult, type QsortAnalysis, type SnapshotView } from '@/lib/protocol';
import type { QsortProgress } from '@/lib/qsort/progress';
import type { SortState } from '@/lib/qsort/sort';
import type { SupervisionCommand } from '@/lib/supervision/engine';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { seedDemoProject } from '../demo/seed-demo';
import { sortIn } from '../../test/qsort';
import { eventually } from '../../test/retry';
import { emitAck as emit, serverHarness, type TestSocket } from '../../test/server-harness';
import { REDACTED_PASSAGE_MARKER } from './yjs-redact';

const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
let revs = 0;
const save = (socket: TestSocket, state: SortState) => emit<{ status: string }>(socket, clientEvents.qsortSave, { rev: ++revs, state });

/**
 * One agenda with two Q-sorts (two statement sets) and two kollegaveiledninger (one template):
 * each activity keeps its own sorts, analysis, roles, case and round documents, and the room
 * finds each where it left it on coming back.
 */
describe('several Q-sorts and kollegaveiledninger in one workshop', () => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('keeps each activity’s sorts, roles, case and notes apart', async () => {
    const { user, cookie } = await h.facilitator();
    const services = h.server.services;
    const db = services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [first] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const [other] = await db.insert(statementSets).values({ projectId, name: 'Andre utsagn', grid: seedGrid }).returning();
    await db.insert(statements).values(ids.map((id, position) => ({ setId: other!.id, code: Number(id), text: `Utsagn ${id} om samarbeid`, position })));
    const templates = await services.supervision.listTemplates(user.id, projectId);
    if (!templates.ok) throw new Error(templates.error.code);
    const templateId = templates.data[0]!.id;

    const created = await services.workshops.create(user.id, projectId, { title: 'To av hver' });
    if (!created.ok) throw new Error(created.error.code);
    const workshopId = created.data.id;
    const add = async (kind: 'qsort' | 'supervision', title: string, config: { setId: string } | { templateId: string }) => {
      const added = await services.workshops.addActivity(user.id, workshopId, { kind, title, config } as never);
      if (!added.ok) throw new Error(added.error.code);
      return added.data.id;
    };
    const q1 = await add('qsort', 'Første sortering', { setId: first!.id });
    const q2 = await add('qsort', 'Andre sortering', { setId: other!.id });
    const s1 = await add('supervision', 'Første veiledning', { templateId });
    const s2 = await add('supervision', 'Andre veiledning', { templateId });

    const opened = await services.live.open(user.id, projectId, { title: 'To av hver' }, { workshopId });
    if (!opened.ok) throw new Error(opened.error.code);
    const session = opened.data;
    const fac = h.socket(cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const progress: QsortProgress[] = [];
    fac.on(serverEvents.qsortProgress, (p) => progress.push(p));
    const run = async (command: WorkshopCommand) => {
      const r = await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    };
    const lead = async (command: SupervisionCommand, from = fac) => {
      const r = await emit(from, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    };

    const phones: { socket: TestSocket; id: string; snapshots: SnapshotView[] }[] = [];
    for (let i = 0; i < 3; i++) {
      const joined = await h.joinHttp(session.code, null);
      const socket = h.socket(joined.cookie);
      const snapshots: SnapshotView[] = [];
      socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: session.code });
      if (!join.ok) throw new Error('join');
      phones.push({ socket, id: join.data.participantId!, snapshots });
    }
    const [a, b, c] = phones as [(typeof phones)[number], (typeof phones)[number], (typeof phones)[number]];
    const state = () => a.snapshots.at(-1)?.state;

    // The first Q-sort: its own set; three finished sorts.
    await run({ type: 'goTo', index: 4 });
    await eventually(() => expect(state()?.qsort).toMatchObject({ activityId: q1, setId: first!.id, open: true }));
    const mineFirst = { ...sortIn(ids, 'Måke'), comments: { '1': 'Viktigst' } };
    for (const [phone, sort] of [[a, mineFirst], [b, sortIn([...ids].reverse())], [c, sortIn([...ids.slice(18), ...ids.slice(0, 18)])]] as const) {
      expect(await save(phone.socket, sort)).toEqual({ ok: true, data: { status: 'done' } });
    }
    await eventually(() => expect(progress.at(-1)).toMatchObject({ done: 3, sorting: 0 }));
    const options = { factors: 2, extraction: 'centroid', rotation: 'varimax' } as const;
    await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'qsort', command: { type: 'display', options } } });

    // The second Q-sort: the other set, nobody's sort yet, and a sort of its own.
    await run({ type: 'next' });
    await eventually(() => expect(state()?.qsort).toMatchObject({ activityId: q2, setId: other!.id, open: true, display: null }));
    expect(state()?.qsort?.statements[0]?.text).toBe('Utsagn 1 om samarbeid');
    expect(await emit(a.socket, clientEvents.qsortMine, {})).toEqual({ ok: true, data: null });
    const draft: SortState = { ...sortIn(ids), step: 'grid' };
    expect(await save(a.socket, draft)).toEqual({ ok: true, data: { status: 'sorting' } });
    await eventually(() => expect(progress.at(-1)).toMatchObject({ done: 0, sorting: 1 }));
    expect(await save(b.socket, sortIn(ids, 'Terne'))).toEqual({ ok: true, data: { status: 'done' } });
    await eventually(() => expect(progress.at(-1)).toMatchObject({ done: 1, sorting: 1 }));
    const tooFew = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options });
    expect(tooFew.ok && tooFew.data.result.sorts.length).not.toBe(3);

    // Back to the first: its sorts, its analysis choice, the participant's own sort.
    await run({ type: 'previous' });
    await eventually(() => expect(state()?.qsort).toMatchObject({ activityId: q1, setId: first!.id, open: true, display: { factors: 2 } }));
    const mine = await emit<{ state: SortState }>(a.socket, clientEvents.qsortMine, {});
    expect(mine.ok && mine.data.state).toEqual(mineFirst);
    const analysed = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options });
    expect(analysed.ok && analysed.data.result.sorts).toEqual(['Måke', 'Q2', 'Q3']);
    const rows = await db.select({ activityId: qsorts.activityId }).from(qsorts).where(eq(qsorts.sessionId, session.id));
    expect(rows.map((r) => r.activityId).sort()).toEqual([q1, q1, q1, q2, q2].sort());
    // The project's archive shows each Q-sort as its own study, with its own set and sorts.
    const studies = await services.feedbackArchive.qsortStudies(user.id, projectId);
    if (!studies.ok) throw new Error(studies.error.code);
    const ofSession = studies.data.filter((x) => x.sessionId === session.id).map((x) => ({ activityId: x.activityId, setName: x.setName, sortCount: x.sortCount }));
    expect(ofSession).toEqual([
      { activityId: q1, setName: first!.name, sortCount: 3 },
      { activityId: q2, setName: 'Andre utsagn', sortCount: 1 },
    ]);

    // The first kollegaveiledning: a is the case owner; it runs to its closing round.
    await run({ type: 'goTo', index: 6 });
    await eventually(() => expect(state()?.supervision).toMatchObject({ activityId: s1 }));
    await eventually(() => expect(state()?.supervision?.members).toHaveLength(3));
    await lead({ type: 'setRole', memberId: a.id, role: 'case_owner' });
    await lead({ type: 'setCase', case: { framlegg: 'Første sak om oppfølging', question: 'Hva gjør vi?' } }, a.socket);
    const firstRounds = state()!.supervision!.rounds.map((r) => r.id);
    for (let round = 0; round < firstRounds.length; round++) await lead({ type: 'next' });
    await eventually(() => expect(state()?.supervision?.current).toBe(firstRounds.length - 1));
    expect(await emit(b.socket, clientEvents.supervisionOutcome, { type: 'learningPoint', text: 'Lytt først' })).toEqual({ ok: true, data: null });

    // The second: fresh roles, its own case, round documents of its own.
    await run({ type: 'next' });
    await eventually(() => expect(state()?.supervision).toMatchObject({ activityId: s2, current: -1, case: null }));
    const secondRounds = state()!.supervision!.rounds.map((r) => r.id);
    expect(secondRounds).toHaveLength(firstRounds.length);
    expect(secondRounds.filter((id) => firstRounds.includes(id))).toEqual([]);
    expect(state()!.supervision!.members.find((m) => m.id === a.id)?.role).toBe('participant');
    await lead({ type: 'setRole', memberId: b.id, role: 'case_owner' });
    await lead({ type: 'setCase', case: { framlegg: 'Andre sak om samarbeid', question: 'Hvem tar ansvar?' } }, b.socket);

    // Back to the first: where it was, with its own case owner and case.
    await run({ type: 'previous' });
    await eventually(() => expect(state()?.supervision).toMatchObject({ activityId: s1, current: firstRounds.length - 1, case: { framlegg: 'Første sak om oppfølging' } }));
    expect(state()!.supervision!.members.find((m) => m.id === a.id)?.role).toBe('case_owner');

    // Both meetings are kept, each under its own activity.
    await eventually(async () => {
      const kept = await db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'supervision_case')));
      expect(kept.map((i) => [i.activityId, i.text]).sort()).toEqual([
        [s1, 'Første sak om oppfølging'],
        [s2, 'Andre sak om samarbeid'],
      ].sort());
    });
    const points = await db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'learning_point')));
    expect(points.map((p) => p.activityId)).toEqual([s1]);

    // Redacting the parked meeting's case takes it out of that meeting only, in the state too.
    const [parkedCase] = await db.select().from(feedbackItems).where(and(eq(feedbackItems.kind, 'supervision_case'), eq(feedbackItems.activityId, s2)));
    expect(await emit(fac, clientEvents.redact, { sessionId: session.id, target: { type: 'item', itemId: parkedCase!.id } })).toMatchObject({ ok: true });
    await eventually(() => expect(state()?.supervision?.case?.framlegg).toBe('Første sak om oppfølging'));
    await run({ type: 'next' });
    await eventually(() => expect(state()?.supervision).toMatchObject({ activityId: s2, case: { framlegg: REDACTED_PASSAGE_MARKER, question: REDACTED_PASSAGE_MARKER } }));
    const stored = JSON.stringify((await services.live.byId(session.id))?.state);
    expect(stored).not.toContain('Andre sak om samarbeid');
    expect(stored).toContain('Første sak om oppfølging');
  });
});
