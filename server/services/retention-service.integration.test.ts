import { eq, inArray, like } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { feedbackItems, liveSessions, participants, projects, qsorts, yjsSnapshots, yjsUpdates } from '@/db/schema';
import { sessionKeyPatterns } from '@/lib/lifecycle/deletion-scope';
import { osloDate, RETAINED_MARK, retainSessionState } from '@/lib/lifecycle/retention';
import { readLiveState } from '@/lib/live-session';
import { createAccessChanges } from './access-changes';
import { createAuditService } from './audit-service';
import { createLiveService } from './live-service';
import { createProjectService } from './project-service';
import { createRetentionService, RETENTION_LOCK, type RetentionRun } from './retention-service';
import { capturingLogger } from '../../test/log';
import { fillProject, type FilledProject } from '../../test/project-fixture';
import { harnessDrivers, serverHarness } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;

const dayBefore = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const touchedReports = (run: RetentionRun) => (run.ran ? run.reports.filter((r) => r.items + r.participants + r.sorts + r.docs + r.states > 0) : []);

describe.each(harnessDrivers())('retention on %s', (driver) => {
  let h: Harness;
  const captured = capturingLogger('info');
  let ownerId: string;
  let past: FilledProject;
  let current: FilledProject;
  beforeAll(async () => {
    h = serverHarness({}, captured.log, driver);
    await h.start();
    ownerId = (await h.facilitator()).user.id;
    past = await fillProject(h.server.services, ownerId, 'Gammel');
    current = await fillProject(h.server.services, ownerId, 'Ny');
  }, 120_000);
  afterAll(() => h.cleanup());

  const db = () => h.server.services.database.db;

  /** What each kind of item of a project holds now, to compare before and after. */
  async function itemsOf(p: FilledProject) {
    return db()
      .select({ kind: feedbackItems.kind, text: feedbackItems.text, value: feedbackItems.value, authorName: feedbackItems.authorName, theme: feedbackItems.theme, data: feedbackItems.data })
      .from(feedbackItems)
      .where(eq(feedbackItems.projectId, p.projectId))
      .orderBy(feedbackItems.kind, feedbackItems.text);
  }
  /** Participants with a name or join answers (a workshop without names keeps none to begin with). */
  async function identifiableIn(p: FilledProject) {
    const people = await db().select().from(participants).where(inArray(participants.sessionId, p.sessionIds));
    return people.filter((x) => x.displayName !== null || Object.keys(x.attributes).length > 0).length;
  }
  async function docRows(p: FilledProject) {
    let n = 0;
    for (const id of p.sessionIds) {
      const docs = sessionKeyPatterns(id).docs;
      n += (await db().select().from(yjsUpdates).where(like(yjsUpdates.docName, docs))).length;
      n += (await db().select().from(yjsSnapshots).where(like(yjsSnapshots.docName, docs))).length;
    }
    return n;
  }

  it("deletes the raw text of a project whose date has passed, keeps its counts and sorts, leaves the other project alone, and logs counts only", async () => {
    const today = osloDate(new Date());
    const services = h.server.services;
    // Through the project form's own validation: one date passed, one that is today (kept through today).
    for (const [p, date] of [[past, dayBefore(today)], [current, today]] as const) {
      const saved = await services.projects.update(ownerId, p.projectId, { name: p.name, retainFreeTextUntil: date });
      expect(saved.ok).toBe(true);
    }
    // Every session has ended (a run leaves open sessions' participants and documents alone).
    await db().update(liveSessions).set({ status: 'ended', endedAt: new Date() }).where(inArray(liveSessions.projectId, [past.projectId, current.projectId]));
    for (const p of [past, current]) {
      const [session] = p.sessionIds;
      await db().insert(feedbackItems).values([
        { projectId: p.projectId, sessionId: session, kind: 'word', authorKind: 'named', authorName: 'Kari', text: 'tillit' },
        { projectId: p.projectId, sessionId: session, kind: 'cluster', authorKind: 'facilitator', text: 'Samarbeid', theme: 'Samarbeid', value: 7, data: { notes: [`Lapp ${p.marker}`] } },
        { projectId: p.projectId, sessionId: session, kind: 'finding_response', authorKind: 'anonymous', response: 'nyanserer', text: `Kommentar ${p.marker}` },
        { projectId: p.projectId, sessionId: session, kind: 'evaluation', authorKind: 'anonymous', value: 4, text: 'Hvor nyttig var dagen?' },
      ]);
    }
    // The meeting's state carries a case and members' names, and each session a message.
    for (const p of [past, current]) {
      for (const id of p.sessionIds) {
        const [row] = await db().select({ state: liveSessions.state }).from(liveSessions).where(eq(liveSessions.id, id));
        const state = readLiveState(row!.state);
        const supervision = state.supervision && { ...state.supervision, case: { framlegg: `Sak ${p.marker}`, question: 'Hva gjør vi?' }, members: [{ id: 'm1', name: `Navn ${p.marker}`, role: 'case_owner' as const }] };
        await db().update(liveSessions).set({ state: { ...state, message: `Beskjed ${p.marker}`, supervision } }).where(eq(liveSessions.id, id));
      }
    }
    const peopleOf = (p: FilledProject) => db().select().from(participants).where(inArray(participants.sessionId, p.sessionIds)).orderBy(participants.id);
    const statesOf = (p: FilledProject) => db().select({ id: liveSessions.id, state: liveSessions.state }).from(liveSessions).where(inArray(liveSessions.id, p.sessionIds)).orderBy(liveSessions.id);
    const currentBefore = { items: await itemsOf(current), docs: await docRows(current), people: await peopleOf(current), states: await statesOf(current) };
    expect(currentBefore.people.some((x) => x.displayName === 'Deltaker Ny')).toBe(true);
    const sortsBefore = await db().select().from(qsorts).where(inArray(qsorts.sessionId, past.sessionIds));
    expect(await docRows(past)).toBeGreaterThan(0);
    const identifiable = await identifiableIn(past);
    expect(identifiable).toBeGreaterThan(0);

    const run = await services.retention.run();

    expect(touchedReports(run)).toEqual([{ projectId: past.projectId, items: 6, participants: identifiable, sorts: 1, docs: 6, states: 3, openSessions: 0 }]);
    const items = await itemsOf(past);
    expect(JSON.stringify(items)).not.toContain(past.marker);
    const byKind = (kind: string) => items.filter((i) => i.kind === kind);
    expect(byKind('note').every((i) => i.text === '' && typeof i.data[RETAINED_MARK] === 'string')).toBe(true);
    expect(byKind('finding_response')).toMatchObject([{ text: '' }]);
    expect(byKind('vote_count').map((i) => i.value)).toEqual([4, 4, 4]);
    expect(byKind('word')).toMatchObject([{ text: 'tillit', authorName: null }]);
    expect(byKind('cluster')).toMatchObject([{ text: 'Samarbeid', value: 7 }]);
    expect(byKind('cluster')[0]!.data).not.toHaveProperty('notes');
    expect(byKind('evaluation')).toMatchObject([{ value: 4, text: 'Hvor nyttig var dagen?' }]);
    const people = await db().select().from(participants).where(inArray(participants.sessionId, past.sessionIds));
    expect(people.map((p) => [p.displayName, p.attributes])).toEqual(people.map(() => [null, {}]));
    const [sortAfter] = await db().select().from(qsorts).where(inArray(qsorts.sessionId, past.sessionIds));
    expect(sortAfter!.state).toEqual({ ...sortsBefore[0]!.state, comments: {}, missing: '', pseudonym: '' });
    expect(await docRows(past)).toBe(0);
    const states = await db().select({ state: liveSessions.state }).from(liveSessions).where(inArray(liveSessions.id, past.sessionIds));
    expect(JSON.stringify(states)).not.toContain(past.marker);
    expect(states.map((r) => readLiveState(r.state).message)).toEqual([null, null, null]);

    expect({ items: await itemsOf(current), docs: await docRows(current), people: await peopleOf(current), states: await statesOf(current) }).toEqual(currentBefore);

    const logged = captured.lines.filter((l) => l.msg === 'retention deleted raw free text');
    expect(logged).toMatchObject([{ projectId: past.projectId, items: 6, participants: identifiable, sorts: 1, docs: 6, states: 3 }]);
    expect(JSON.stringify(captured.lines)).not.toContain(past.marker);

    // Again (a restart the same day): nothing left to do, nothing logged as deleted.
    expect(touchedReports(await services.retention.run())).toEqual([]);
    expect(captured.lines.filter((l) => l.msg === 'retention deleted raw free text')).toHaveLength(1);
    const [project] = await db().select({ until: projects.retainFreeTextUntil }).from(projects).where(eq(projects.id, past.projectId));
    expect(project?.until).toBe(dayBefore(today));
  });

  it("forgets an ended session's text through decide: its version moves and its listeners hear it; an open session keeps its text until a run after it ends", async () => {
    const services = h.server.services;
    const p = await fillProject(services, ownerId, 'Versjon');
    const [run, sorting, meeting] = p.sessionIds as [string, string, string];
    const facilitator = { kind: 'facilitator', userId: ownerId } as const;
    for (const id of p.sessionIds) expect((await services.live.command(id, { type: 'setMessage', message: `Beskjed ${p.marker}` }, facilitator)).ok).toBe(true);
    for (const id of [run, meeting]) expect((await services.live.command(id, { type: 'end' }, facilitator)).ok).toBe(true);
    await db().update(projects).set({ retainFreeTextUntil: '2000-01-01' }).where(eq(projects.id, p.projectId));
    const sessions = async () =>
      Object.fromEntries((await db().select().from(liveSessions).where(inArray(liveSessions.id, p.sessionIds))).map((r) => [r.id, { version: r.version, message: readLiveState(r.state).message }]));
    const before = await sessions();
    const heard: { sessionId: string; version: number }[] = [];
    const stop = services.live.onChange((snapshot) => heard.push({ sessionId: snapshot.sessionId, version: snapshot.version }));
    try {
      expect(touchedReports(await services.retention.run())).toMatchObject([{ projectId: p.projectId, states: 2, openSessions: 1 }]);
      const after = await sessions();
      expect(after).toEqual({
        [run]: { version: before[run]!.version + 1, message: null },
        [meeting]: { version: before[meeting]!.version + 1, message: null },
        [sorting]: before[sorting],
      });
      expect(heard.sort((a, b) => a.sessionId.localeCompare(b.sessionId))).toEqual(
        [run, meeting].sort().map((sessionId) => ({ sessionId, version: after[sessionId]!.version })),
      );

      // Again: nothing left to forget, so nothing is written and no version moves.
      expect(touchedReports(await services.retention.run())).toEqual([]);
      expect(await sessions()).toEqual(after);

      // The Q-sort ends later: the next run forgets its message the same way.
      expect((await services.live.command(sorting, { type: 'end' }, facilitator)).ok).toBe(true);
      const ended = (await sessions())[sorting]!;
      expect(touchedReports(await services.retention.run())).toMatchObject([{ projectId: p.projectId, states: 1, openSessions: 0 }]);
      expect((await sessions())[sorting]).toEqual({ version: ended.version + 1, message: null });
      expect(heard.map((x) => x.sessionId)).toEqual([...[run, meeting].sort(), sorting, sorting]);
    } finally {
      stop();
    }
  });
});

// Two processes need two connections to one database: PostgreSQL only (PGlite is one process).
if (process.env.TEST_DATABASE_URL) describe('retention across server processes on postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = serverHarness({}, undefined, 'postgres');
    await h.start();
  }, 120_000);
  afterAll(() => h.cleanup());

  /** A second server process's retention: its own pool on the same database. */
  async function otherProcess() {
    const url = h.server.services.config.databaseUrl!;
    const database = await openDatabase({ databaseUrl: url, pgliteDir: null });
    const { log } = capturingLogger('info');
    const audit = createAuditService(database.db, () => undefined);
    const live = createLiveService(database.db, createProjectService(database.db, audit, createAccessChanges(() => undefined)), audit);
    return { database, retention: createRetentionService(database.db, audit, live, log) };
  }

  it('skips while another process holds the run, and of two runs started together exactly one does the row work and each state is forgotten once', async () => {
    const services = h.server.services;
    const ownerId = (await h.facilitator()).user.id;
    const project = await fillProject(services, ownerId, 'To');
    const other = await otherProcess();
    try {
      for (const id of project.sessionIds) expect((await services.live.command(id, { type: 'setMessage', message: 'Beskjed' }, { kind: 'facilitator', userId: ownerId })).ok).toBe(true);
      await services.database.db.update(liveSessions).set({ status: 'ended' }).where(eq(liveSessions.projectId, project.projectId));
      await services.database.db.update(projects).set({ retainFreeTextUntil: '2000-01-01' }).where(eq(projects.id, project.projectId));

      const holder = new pg.Client({ connectionString: h.server.services.config.databaseUrl! });
      await holder.connect();
      try {
        await holder.query('begin');
        expect((await holder.query('select pg_try_advisory_xact_lock($1) as got', [RETENTION_LOCK])).rows[0]).toEqual({ got: true });
        expect(await services.retention.run()).toEqual({ ran: false });
        expect(await other.retention.run()).toEqual({ ran: false });
        await holder.query('commit');
      } finally {
        await holder.end();
      }

      const identifiable = (await services.database.db.select().from(participants).where(inArray(participants.sessionId, project.sessionIds))).filter(
        (x) => x.displayName !== null || Object.keys(x.attributes).length > 0,
      ).length;
      const states = await services.database.db.select({ state: liveSessions.state }).from(liveSessions).where(inArray(liveSessions.id, project.sessionIds));
      const withText = states.filter((r) => retainSessionState(readLiveState(r.state)) !== null).length;
      expect(withText).toBe(project.sessionIds.length);
      const runs = await Promise.all([services.retention.run(), other.retention.run()]);
      // The rows are one run's work under the lock; the states change after it, through decide,
      // so a run that took the lock just after the first may forget one of them: each once.
      const workers = runs.filter((r) => touchedReports(r).some((x) => x.items + x.participants + x.sorts + x.docs > 0));
      expect(workers).toHaveLength(1);
      expect(touchedReports(workers[0]!)).toMatchObject([{ projectId: project.projectId, items: 3, participants: identifiable, sorts: 1, docs: 6 }]);
      expect(runs.flatMap(touchedReports).reduce((n, r) => n + r.states, 0)).toBe(withText);
    } finally {
      await other.database.close();
    }
  });
});
