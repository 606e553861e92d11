import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yjsSnapshots, yjsUpdates } from '@/db/schema';
import { openDatabase } from '@/db/client';
import { clientEvents, serverEvents, type MineChanged, type SnapshotView } from '@/lib/protocol';
import { findingResponseValues } from '@/lib/workshop/answers';
import type { ActivityResults } from '@/lib/workshop/results';
import { addNote, boardDocName, readNotes } from '@/lib/workshop/board';
import { groupOf } from '@/lib/workshop/runtime';
import { isFullWorkshop, workshopViewOf } from '@/lib/workshop/view';
import { createScratchDatabase, dropScratchDatabase } from '../test/databases';
import { freePort } from '../test/ports';
import { boardClient, joinOverHttp, liveClient, sleep, until, type BoardClient, type LiveClient } from './chaos/clients';
import { serverProcess, type ServerProcessOptions } from './chaos/server-process';
import { prepareSession, type ChaosSession } from './chaos/setup';
import { limitBudgets } from './services/limits-service';

/**
 * Two server processes on one PostgreSQL database, as a scaled-out deployment runs them:
 * board edits made through either survive compaction (each process compacts while the other
 * writes) and a restart of both, and are seen live on the other; a facilitator's command on one
 * reaches a participant on the other; the sign-in limit counts failures on both together.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'multiprocess-entry.ts');
/** More than one process's compaction threshold (200 updates), so both compact mid-stream. */
const NOTES_PER_WRITER = 210;

const kindOf = (s: SnapshotView | null) => {
  const rt = s?.state.workshop;
  return rt ? (workshopViewOf(rt).activity?.kind ?? null) : null;
};
/** The facilitator's snapshot holds the full workshop state. */
const fullRuntime = (s: SnapshotView | null) => {
  const rt = s?.state.workshop;
  if (rt && !isFullWorkshop(rt)) throw new Error('expected the facilitator\'s full state');
  return rt ?? null;
};

describe.runIf(adminUrl)('two server processes on one PostgreSQL database', () => {
  let url: URL;
  const dirs: string[] = [];
  const servers: ReturnType<typeof serverProcess>[] = [];
  const options: ServerProcessOptions[] = [];
  let session: ChaosSession;
  const clients: LiveClient[] = [];
  const boards: BoardClient[] = [];

  beforeAll(async () => {
    url = await createScratchDatabase(adminUrl!);
    const sessionSecret = randomBytes(36).toString('base64url');
    for (const name of ['a', 'b']) {
      const dataDir = mkdtempSync(path.join(tmpdir(), `verksted-twoproc-${name}-`));
      dirs.push(dataDir);
      options.push({ port: await freePort(), dataDir, databaseUrl: url.href, sessionSecret, logFile: path.join(dataDir, 'server.log'), entry });
    }
    session = await prepareSession(options[0]!, 3);
    for (const o of options) servers.push(serverProcess(o));
    await Promise.all(servers.map((s) => s.start()));
  }, 120_000);

  afterAll(async () => {
    for (const b of boards) b.close();
    for (const c of clients) c.close();
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(servers.map((s) => s.close()));
    await dropScratchDatabase(adminUrl!, url);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const logs = () => options.map((o) => `--- ${o.logFile}\n${readFileSync(o.logFile, 'utf8').slice(-4000)}`).join('\n');

  it('keeps both processes\u2019 board edits through compaction and restarts, live on both, and carries commands across', async () => {
    const [a, b] = servers as [ReturnType<typeof serverProcess>, ReturnType<typeof serverProcess>];
    const fac = liveClient(a.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
    const onA = liveClient(a.origin, await joinOverHttp(a.origin, session.code, session.consentVersion), { as: 'participant', code: session.code });
    const onB = liveClient(b.origin, await joinOverHttp(b.origin, session.code, session.consentVersion), { as: 'participant', code: session.code });
    clients.push(fac, onA, onB);
    let results: ActivityResults | null = null;
    fac.socket.on(serverEvents.results, (r: ActivityResults | null) => (results = r));
    // Own answers pushed to the participant on B with each step change (made by a command on A).
    const pushedToB: MineChanged[] = [];
    onB.socket.on(serverEvents.myAnswers, (m: MineChanged) => pushedToB.push(m));
    expect(await until(() => clients.every((c) => c.state.joined), 30_000), logs()).toBe(true);

    // Every step is a command on process A; the participant on process B must see each one.
    let answeredOnB = false;
    for (let step = 0; step < 20 && kindOf(fac.state.snapshot) !== 'reflection'; step++) {
      const res = await fac.call<{ version: number }>(clientEvents.command, { sessionId: session.sessionId, command: { type: 'workshop', command: { type: 'next' } } });
      if (!res?.ok) throw new Error(`moving on failed: ${res ? res.error.code : 'no answer'}`);
      const reached = await until(() => (onB.state.snapshot?.version ?? 0) >= res.data.version && (fac.state.snapshot?.version ?? 0) >= res.data.version, 15_000);
      expect(reached, `version ${res.data.version} of a command on A never reached the participant on B\n${logs()}`).toBe(true);
      if (kindOf(fac.state.snapshot) !== 'findings' || answeredOnB) continue;
      // An answer taken by process B: the facilitator's results on process A count it.
      const rt = fullRuntime(fac.state.snapshot)!;
      const activity = rt.activities[rt.current]!;
      const findingId = activity.kind === 'findings' ? activity.config.findingIds[rt.findingIndex]! : '';
      const answered = await onB.call(clientEvents.respond, { findingId, response: findingResponseValues[0], comment: 'Svar fra B' });
      expect(answered?.ok, JSON.stringify(answered)).toBe(true);
      answeredOnB = true;
      const counted = () => {
        const r = results as ActivityResults | null;
        return r?.kind === 'findings' && r.findingId === findingId && r.total === 1;
      };
      expect(await until(counted, 15_000), `the answer taken on B never reached the results on A: ${JSON.stringify(results)}\n${logs()}`).toBe(true);
    }
    expect(kindOf(onB.state.snapshot)).toBe('reflection');
    expect(answeredOnB).toBe(true);
    const ownAnswerPushed = () => pushedToB.some((m) => m.reason === 'step' && Object.values(m.answers.responses).some((r) => r.comment === 'Svar fra B'));
    expect(await until(ownAnswerPushed, 15_000), `the step change on A never pushed B's own answers to B: ${JSON.stringify(pushedToB)}\n${logs()}`).toBe(true);

    // Groups were formed from who was connected to A; B's participant rejoins and is seated
    // as a latecomer by process B, which A's facilitator hears of.
    onB.socket.disconnect();
    onB.socket.connect();
    const seated = () => {
      const rt = fullRuntime(fac.state.snapshot);
      return rt ? groupOf(rt, onB.state.participantId ?? '') : undefined;
    };
    expect(await until(() => Boolean(seated()) && onB.state.joined, 15_000), logs()).toBe(true);
    const runtime = fullRuntime(fac.state.snapshot)!;
    const group = groupOf(runtime, onA.state.participantId!)!;
    expect(seated()?.id).toBe(group.id);
    const docName = boardDocName(session.sessionId, runtime.activities[runtime.current]!.id, group.id);

    const open = async (client: LiveClient, port: number) => {
      const token = await client.call<{ token: string; authorKey: string | null }>(clientEvents.yjsToken, { docName });
      if (!token?.ok) throw new Error(`no board token: ${token ? token.error.code : 'no answer'}`);
      const board = boardClient(port, docName, token.data.token);
      boards.push(board);
      return { board, authorKey: token.data.authorKey! };
    };
    const writers = [await open(onA, options[0]!.port), await open(onB, options[1]!.port)];
    expect(await until(() => boards.every((x) => x.provider.synced), 15_000)).toBe(true);

    const written: string[] = [];
    await Promise.all(
      writers.map(async ({ board, authorKey }, w) => {
        for (let n = 0; n < NOTES_PER_WRITER; n++) {
          const id = `${'ab'[w]}${n}`;
          addNote(board.doc, { id, text: `Lapp ${id}`, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey, createdAt: Date.now() });
          written.push(id);
          // Under the per-connection rate (30 a second), so nothing is refused for flooding.
          await sleep(40);
        }
      }),
    );
    // Live: each client sees every note, including those written through the other process.
    const sees = (board: BoardClient) => new Set(readNotes(board.doc).map((n) => n.id));
    const complete = () => writers.every(({ board }) => written.every((id) => sees(board).has(id)));
    expect(await until(complete, 30_000), `boards did not converge across the processes\n${logs()}`).toBe(true);

    for (const x of boards.splice(0)) x.close();
    for (const c of clients.splice(0)) c.close();
    await Promise.all(servers.map((s) => s.stop()));

    // Both processes compacted; what is stored holds every note.
    const database = await openDatabase({ databaseUrl: url.href, pgliteDir: null });
    try {
      const [snapshot] = await database.db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName));
      expect(snapshot, 'the board was never compacted').toBeDefined();
      const [left] = await database.db.select({ n: count() }).from(yjsUpdates).where(eq(yjsUpdates.docName, docName));
      expect(left?.n).toBe(0);
    } finally {
      await database.close();
    }

    // After a restart of both, a client on either process finds every note.
    await Promise.all(servers.map((s) => s.start()));
    const again = liveClient(b.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
    const againA = liveClient(a.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
    clients.push(again, againA);
    expect(await until(() => again.state.joined && againA.state.joined, 30_000), logs()).toBe(true);
    const readers = [await open(againA, options[0]!.port), await open(again, options[1]!.port)];
    expect(await until(() => readers.every(({ board }) => board.provider.synced), 15_000)).toBe(true);
    for (const { board } of readers) {
      const ids = sees(board);
      expect(written.filter((id) => !ids.has(id)), 'notes lost after compaction and restart').toEqual([]);
      expect(ids.size).toBe(written.length);
    }
  }, 180_000);

  it('counts failed sign-ins on both processes against one budget', async () => {
    const budget = limitBudgets.signInFailuresPerAccount.points;
    const signIn = (server: ReturnType<typeof serverProcess>, email: string) =>
      server.request<{ ok: boolean; code?: string }>({ signIn: { email, password: 'feil-passord', address: '203.0.113.7' } });

    // On one process: `budget` failures are answered as such, the next is throttled.
    const one = `en-${randomBytes(3).toString('hex')}@nav.example`;
    const alone: (string | undefined)[] = [];
    for (let i = 0; i <= budget; i++) alone.push((await signIn(servers[0]!, one)).code);

    // Alternating between the two processes: throttled at the same count.
    const two = `to-${randomBytes(3).toString('hex')}@nav.example`;
    const alternating: (string | undefined)[] = [];
    for (let i = 0; i <= budget; i++) alternating.push((await signIn(servers[i % 2]!, two)).code);

    const expected = [...Array<string>(budget).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED'];
    expect(alone).toEqual(expected);
    expect(alternating).toEqual(expected);
    // And it holds on both: the other process refuses too.
    expect((await signIn(servers[(budget + 1) % 2]!, two)).code).toBe('RATE_LIMITED');
  }, 120_000);
});
