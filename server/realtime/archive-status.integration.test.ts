import { and, eq, sql } from 'drizzle-orm';
import { workshopViewOf } from '@/lib/workshop/view';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems, workshops } from '@/db/schema';
import type { ArchiveStatus } from '@/lib/archive-status';
import { myGroup } from '@/lib/live-view';
import { type Ack, clientEvents, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import { addNote, boardDocName, notesOf } from '@/lib/workshop/board';
import { seedDemoProject } from '../demo/seed-demo';
import { eventually } from '../../test/retry';
import { emitAck as emit, emit as emitRaw, serverHarness, type TestSocket } from '../../test/server-harness';


describe('archiving a workshop’s boards, seen from the facilitator console', () => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    // What this test proves is the steps and who sees them, not how long the backoff is (the real
    // one runs in archive-restart.integration.test.ts): three short waits spare 12 s of sleeping.
    h = serverHarness({ archiveRetryDelaysMs: [50, 200, 750] });
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('retries a failed archive, reports every step to facilitators only, and archives again on request', async () => {
    const { user, cookie } = await h.facilitator();
    const db = h.server.services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [workshop] = await db.select().from(workshops).where(eq(workshops.projectId, projectId));
    const opened = await h.server.services.live.open(user.id, projectId, { title: workshop!.title }, { workshopId: workshop!.id });
    if (!opened.ok) throw new Error(opened.error.code);
    const session = opened.data;

    const fac = h.socket(cookie);
    const statuses: ArchiveStatus[] = [];
    fac.on(serverEvents.archiveStatus, (s) => statuses.push(s));
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id })).toMatchObject({ ok: true });
    const phones: { socket: TestSocket; snapshots: SnapshotView[]; statuses: ArchiveStatus[] }[] = [];
    for (let i = 0; i < 4; i++) {
      const { cookie: pc } = await h.joinHttp(session.code, null);
      const socket = h.socket(pc);
      const snapshots: SnapshotView[] = [];
      const seen: ArchiveStatus[] = [];
      socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      socket.on(serverEvents.archiveStatus, (s) => seen.push(s));
      expect(await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });
      phones.push({ socket, snapshots, statuses: seen });
    }
    const run = async (type: 'next' | 'previous') => {
      const r = await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command: { type } } });
      expect(r).toMatchObject({ ok: true });
    };
    for (let i = 0; i < 7; i++) await run('next');
    await eventually(() => expect(phones[0]!.snapshots.at(-1)?.state.workshop?.groups.length).toBeGreaterThan(0));
    // Silent writing first: members write on the board itself only once it has ended.
    expect(await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command: { type: 'endSilent' } } })).toMatchObject({ ok: true });
    await eventually(() => expect(phones[0]!.snapshots.at(-1)?.state.workshop?.silent).toBe(false));
    const runtime = phones[0]!.snapshots.at(-1)!.state.workshop!;
    const reflection = workshopViewOf(runtime).activity!;
    const group = runtime.groups[0]!;
    // A member writes a note and a bit of junk on the group's board over the content plane.
    const memberJoin = await Promise.all(phones.map((p) => emit<JoinResult>(p.socket, clientEvents.join, { as: 'participant', code: session.code })));
    const index = memberJoin.findIndex((j) => j.ok && myGroup(j.data.snapshot.state.workshop!)?.id === group.id);
    const docName = boardDocName(session.id, reflection.id, group.id);
    const token = await emit<{ token: string; authorKey: string }>(phones[index]!.socket, clientEvents.yjsToken, { docName });
    if (!token.ok) throw new Error('token');
    const doc = new Y.Doc();
    const provider = h.provider(docName, doc, token.data.token);
    await eventually(() => expect(provider.synced).toBe(true));
    addNote(doc, { id: 'n1', text: 'Tid til oppfølging mangler', colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: token.data.authorKey, createdAt: 1 });
    notesOf(doc).push(['søppel', 12]);
    await eventually(async () => expect((await h.server.services.yjsPersistence.fetch(docName)).state).not.toBeNull());
    await eventually(async () => {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await h.server.services.yjsPersistence.fetch(docName)).state!);
      expect(notesOf(stored).length).toBe(3);
    });

    // The database refuses the first two attempts to write notes (a real failing insert).
    // A sequence, unlike a counter row, is not rolled back with the failed transaction.
    await db.execute(sql.raw('create sequence archive_fault_seq'));
    await db.execute(sql.raw(`
      create function archive_fault() returns trigger language plpgsql as $$
      begin
        if nextval('archive_fault_seq') <= 2 then raise exception 'forced archive failure'; end if;
        return new;
      end $$`));
    await db.execute(sql.raw("create trigger archive_fault before insert on feedback_items for each row when (new.kind = 'note') execute function archive_fault()"));
    statuses.length = 0;
    await run('next');
    await eventually(() => expect(statuses.at(-1)?.state).toBe('saved'), 30_000);
    expect(statuses.map((s) => `${s.state}:${s.attempt}`)).toEqual(['running:1', 'retrying:1', 'running:2', 'retrying:2', 'running:3', 'saved:3']);
    expect(statuses.at(-1)).toMatchObject({ sessionId: session.id, kept: 1, skippedEntries: 2, unreadableBoards: 0 });
    const kept = await db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'note')));
    expect(kept.map((k) => k.itemKey)).toEqual(['n1']);

    // Now it always fails: after the retries the facilitator is told, and no participant is.
    await db.execute(sql.raw(`
      create or replace function archive_fault() returns trigger language plpgsql as $$
      begin raise exception 'forced archive failure'; end $$`));
    statuses.length = 0;
    await run('previous');
    await eventually(() => expect(statuses.at(-1)?.state).toBe('failed'), 40_000);
    expect(statuses.at(-1)).toMatchObject({ attempt: 4 });
    // What was kept before stays: the failed transaction rolled back its delete too.
    expect(await db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'note')))).toHaveLength(1);
    expect(phones.every((p) => p.statuses.length === 0)).toBe(true);

    // A console opened now is shown the failure at once.
    const late = h.socket(cookie);
    const lateStatuses: ArchiveStatus[] = [];
    late.on(serverEvents.archiveStatus, (s) => lateStatuses.push(s));
    await emit(late, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    await eventually(() => expect(lateStatuses.at(-1)?.state).toBe('failed'));

    // "Try again" after the fault is gone: only a facilitator may ask, and it saves.
    expect(await emit(phones[0]!.socket, clientEvents.archiveRetry, { sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await db.execute(sql.raw('drop trigger archive_fault on feedback_items'));
    const retried = await emitRaw<Ack<ArchiveStatus>>(late, clientEvents.archiveRetry, { sessionId: session.id });
    expect(retried).toMatchObject({ ok: true, data: { state: 'saved', attempt: 1, kept: 1 } });
    await eventually(() => expect(statuses.at(-1)?.state).toBe('saved'));
  });
});
