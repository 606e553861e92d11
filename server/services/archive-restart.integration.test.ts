import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { feedbackItems, liveSessions, workshops } from '@/db/schema';
import type { ArchiveStatus } from '@/lib/archive-status';
import { clientEvents, serverEvents } from '@/lib/protocol';
import { addNote, boardDocName } from '@/lib/workshop/board';
import { seedDemoProject } from '../demo/seed-demo';
import { eventually } from '../../test/retry';
import { capturingLogger } from '../../test/log';
import { consentVersionFor } from '../../test/consent';
import { emit, harnessDrivers, serverHarness } from '../../test/server-harness';

describe.each(harnessDrivers())('an archive cut short by shutdown (%s)', (name) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is dropped without a database error at close, archived at the next start, and its status outlives a restart', async () => {
    const { log, lines } = capturingLogger();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    cleanups.push(async () => void process.off('unhandledRejection', onUnhandled));
    const h = serverHarness({}, log, name);
    cleanups.push(() => h.cleanup());
    await h.start();
    const { services } = h.server;
    expect(services.database.kind).toBe(name);
    const { dataDir, databaseUrl } = services.config;

    // The demo workshop at its group reflection, one note on a group's board.
    const { user, cookie } = await h.facilitator();
    const projectId = await seedDemoProject(services.database.db, user.id);
    const [workshop] = await services.database.db.select().from(workshops).where(eq(workshops.projectId, projectId));
    const opened = await services.live.open(user.id, projectId, { title: 'Verksted' }, { workshopId: workshop!.id });
    if (!opened.ok) throw new Error(opened.error.code);
    const sessionId = opened.data.id;
    const people: string[] = [];
    for (let i = 0; i < 4; i++) {
      const joined = await services.live.join(opened.data.code, null, undefined, {}, await consentVersionFor(services, opened.data.code));
      if (!joined.ok) throw new Error(joined.error.code);
      people.push(joined.data.participant.id);
    }
    const facilitator = { kind: 'facilitator' as const, userId: user.id };
    for (let i = 0; i < 7; i++) {
      const moved = await services.live.command(sessionId, { type: 'workshop', command: { type: 'next' } }, facilitator, people);
      if (!moved.ok) throw new Error(moved.error.code);
    }
    const ended = await services.live.command(sessionId, { type: 'workshop', command: { type: 'endSilent' } }, facilitator, people);
    if (!ended.ok) throw new Error(ended.error.code);
    const runtime = ended.data.state.workshop!;
    const board = new Y.Doc();
    addNote(board, { id: 'n1', text: 'Tid til oppfølging mangler', colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: 'k', createdAt: 1 });
    await services.yjsPersistence.append(boardDocName(sessionId, runtime.activities[runtime.current]!.id, runtime.groups[0]!.id), Y.encodeStateAsUpdate(board));

    // Every archive fails (a real failing statement), so the run waits out its backoff.
    await services.database.db.execute(sql.raw("create function archive_fault() returns trigger language plpgsql as $$ begin raise exception 'forced archive failure'; end $$"));
    await services.database.db.execute(sql.raw('create trigger archive_fault before delete on feedback_items for each statement execute function archive_fault()'));
    const statuses: ArchiveStatus[] = [];
    services.archive.onStatus((s) => statuses.push(s));
    void services.archive.archive(sessionId);
    await eventually(() => expect(statuses.at(-1)?.state).toBe('retrying'), 30_000);

    // The signal comes while the retry waits.
    const loggedBeforeStop = lines.length;
    await h.stop();
    // Longer than the first backoff (500 ms): a retry left behind would have woken and failed by now.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(lines.slice(loggedBeforeStop).filter((line) => line.level >= 40)).toEqual([]);
    expect(unhandled).toEqual([]);

    // The fault is repaired while the server is down.
    const offline = await openDatabase(databaseUrl ? { databaseUrl, pgliteDir: null } : { pgliteDir: path.join(dataDir, 'pglite') });
    await offline.db.execute(sql.raw('drop trigger archive_fault on feedback_items'));
    await offline.close();

    // The next start archives the session by itself.
    await h.start();
    const db = h.server.services.database.db;
    await eventually(async () => {
      const kept = await db.select({ itemKey: feedbackItems.itemKey }).from(feedbackItems).where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.kind, 'note')));
      expect(kept.map((k) => k.itemKey)).toEqual(['n1']);
    }, 30_000);
    await eventually(async () => {
      const [row] = await db.select({ pending: liveSessions.archivePending }).from(liveSessions).where(eq(liveSessions.id, sessionId));
      expect(row?.pending).toBe(0);
    }, 30_000);

    // Another restart: a console opened now is still told the archive was saved.
    await h.stop();
    await h.start();
    const consoleSocket = h.socket(cookie);
    const seen: ArchiveStatus[] = [];
    consoleSocket.on(serverEvents.archiveStatus, (s) => seen.push(s));
    expect(await emit(consoleSocket, clientEvents.join, { as: 'facilitator', sessionId })).toMatchObject({ ok: true });
    await eventually(() => expect(seen.at(-1)).toMatchObject({ sessionId, state: 'saved', kept: 1 }));
  });
});
