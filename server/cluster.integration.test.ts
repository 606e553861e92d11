import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, serverEvents, type Presence, type SnapshotView } from '@/lib/protocol';
import { findingResponseValues } from '@/lib/workshop/answers';
import type { ActivityResults } from '@/lib/workshop/results';
import { addNote, boardDocName, readNotes } from '@/lib/workshop/board';
import { groupOf, type WorkshopRuntime } from '@/lib/workshop/runtime';
import { isFullWorkshop, workshopViewOf } from '@/lib/workshop/view';
import { createScratchDatabase, dropScratchDatabase } from '../test/databases';
import { failoverProxy } from '../test/failover-proxy';
import { freePort } from '../test/ports';
import { boardClient, joinOverHttp, liveClient, sleep, until, type BoardClient, type LiveClient } from './chaos/clients';
import { serverProcess, type ServerProcessOptions } from './chaos/server-process';
import { prepareSession, type ChaosSession } from './chaos/setup';

/**
 * Three server processes on one PostgreSQL database and one Redis, each behind an entrance of a
 * load balancer that fails over to the others (test/failover-proxy.ts). Participants are spread
 * over all three in one session: the facilitator sees them all present and counts their answers,
 * a command on one process reaches phones on the others, group members on different processes
 * see each other's board notes, and killing a process loses nothing it acknowledged while its
 * clients reconnect through their entrance to the others and carry on.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const PROCESSES = 3;
const PARTICIPANTS_PER_PROCESS = 2;

type Server = ReturnType<typeof serverProcess>;
type Entrance = Awaited<ReturnType<typeof failoverProxy>>;

const kindOf = (s: SnapshotView | null) => {
  const rt = s?.state.workshop;
  return rt ? (workshopViewOf(rt).activity?.kind ?? null) : null;
};
const fullRuntime = (s: SnapshotView | null): WorkshopRuntime | null => {
  const rt = s?.state.workshop;
  if (rt && !isFullWorkshop(rt)) throw new Error('expected the facilitator\u2019s full state');
  return rt ?? null;
};

describe.runIf(adminUrl && redisUrl)('three server processes joined through Redis', () => {
  let url: URL;
  const dirs: string[] = [];
  const options: ServerProcessOptions[] = [];
  const servers: Server[] = [];
  /** Entrance n prefers process n and falls over to the next ones. */
  const entrances: Entrance[] = [];
  let session: ChaosSession;
  const clients: LiveClient[] = [];
  const boards: BoardClient[] = [];

  beforeAll(async () => {
    url = await createScratchDatabase(adminUrl!);
    const sessionSecret = randomBytes(36).toString('base64url');
    for (let n = 0; n < PROCESSES; n++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), `verksted-cluster-${n}-`));
      dirs.push(dataDir);
      options.push({ port: await freePort(), dataDir, databaseUrl: url.href, redisUrl, sessionSecret, logFile: path.join(dataDir, 'server.log') });
    }
    session = await prepareSession(options[0]!, PROCESSES);
    for (const o of options) servers.push(serverProcess(o));
    await Promise.all(servers.map((s) => s.start()));
    const ports = options.map((o) => o.port);
    for (let n = 0; n < PROCESSES; n++) entrances.push(await failoverProxy([...ports.slice(n), ...ports.slice(0, n)]));
  }, 120_000);

  afterAll(async () => {
    for (const b of boards) b.close();
    for (const c of clients) c.close();
    await Promise.all(entrances.map((e) => e.close()));
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(servers.map((s) => s.close()));
    await dropScratchDatabase(adminUrl!, url);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const logs = () => options.map((o) => `--- ${o.logFile}\n${readFileSync(o.logFile, 'utf8').slice(-3000)}`).join('\n');

  it('shares presence, answers, commands and boards across the processes, and survives losing one', async () => {
    const facilitator = liveClient(entrances[0]!.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
    clients.push(facilitator);
    let presence: Presence | null = null;
    facilitator.socket.on(serverEvents.presence, (p: Presence) => (presence = p));
    let results: ActivityResults | null = null;
    facilitator.socket.on(serverEvents.results, (r: ActivityResults | null) => (results = r));

    /** Participants by the entrance (and so the process) they came in through. */
    const phones: { client: LiveClient; entrance: number }[] = [];
    for (let n = 0; n < PROCESSES; n++) {
      for (let i = 0; i < PARTICIPANTS_PER_PROCESS; i++) {
        const origin = entrances[n]!.origin;
        const client = liveClient(origin, await joinOverHttp(origin, session.code, session.consentVersion), { as: 'participant', code: session.code });
        clients.push(client);
        phones.push({ client, entrance: n });
      }
    }
    expect(await until(() => clients.every((c) => c.state.joined), 30_000), logs()).toBe(true);
    // Every process holds connections: the spread is real, not three names for one process.
    for (const [n, entrance] of entrances.entries()) expect(entrance.backendsInUse(), `entrance ${n}`).toContain(options[n]!.port);

    // Presence is counted over every process's sockets (socket.io's Redis adapter).
    const everyoneHere = () => (presence as Presence | null)?.connectedCount === phones.length;
    expect(await until(everyoneHere, 15_000), `presence: ${JSON.stringify(presence)}\n${logs()}`).toBe(true);

    // Commands on process 0 reach phones on every process; one phone per process answers.
    const step = async () => {
      const res = await facilitator.call<{ version: number }>(clientEvents.command, { sessionId: session.sessionId, command: { type: 'workshop', command: { type: 'next' } } });
      if (!res?.ok) throw new Error(`moving on failed: ${res ? res.error.code : 'no answer'}`);
      const reached = await until(() => phones.every((p) => (p.client.state.snapshot?.version ?? 0) >= res.data.version), 15_000);
      expect(reached, `version ${res.data.version} did not reach every phone\n${logs()}`).toBe(true);
    };
    for (let i = 0; i < 20 && kindOf(facilitator.state.snapshot) !== 'findings'; i++) await step();
    expect(kindOf(facilitator.state.snapshot)).toBe('findings');
    const rt = fullRuntime(facilitator.state.snapshot)!;
    const round = rt.activities[rt.current]!;
    const findingId = round.kind === 'findings' ? round.config.findingIds[rt.findingIndex]! : '';
    for (const { client } of phones) {
      const answered = await client.call(clientEvents.respond, { findingId, response: findingResponseValues[0], comment: '' });
      expect(answered?.ok, JSON.stringify(answered)).toBe(true);
    }
    const counted = (n: number) => () => {
      const r = results as ActivityResults | null;
      return r?.kind === 'findings' && r.findingId === findingId && r.total === n;
    };
    expect(await until(counted(phones.length), 15_000), `answers taken on three processes: ${JSON.stringify(results)}\n${logs()}`).toBe(true);

    // On to the group reflection; groups of three are made from all six phones.
    for (let i = 0; i < 20 && kindOf(facilitator.state.snapshot) !== 'reflection'; i++) await step();
    expect(kindOf(facilitator.state.snapshot)).toBe('reflection');
    const runtime = fullRuntime(facilitator.state.snapshot)!;
    const activityId = runtime.activities[runtime.current]!.id;
    const writers: { board: BoardClient; authorKey: string; group: string; phone: (typeof phones)[number] }[] = [];
    for (const phone of phones) {
      const group = groupOf(runtime, phone.client.state.participantId!);
      expect(group, 'every phone is seated').toBeDefined();
      const docName = boardDocName(session.sessionId, activityId, group!.id);
      const token = await phone.client.call<{ token: string; authorKey: string | null }>(clientEvents.yjsToken, { docName });
      if (!token?.ok) throw new Error(`no board token: ${token ? token.error.code : 'no answer'}`);
      const board = boardClient(entrances[phone.entrance]!.port, docName, token.data.token);
      boards.push(board);
      writers.push({ board, authorKey: token.data.authorKey!, group: group!.id, phone });
    }
    expect(await until(() => writers.every((w) => w.board.provider.synced), 15_000)).toBe(true);
    const groups = new Set(writers.map((w) => w.group));
    // At least one group has members on different processes, or the boards prove nothing here.
    expect([...groups].some((g) => new Set(writers.filter((w) => w.group === g).map((w) => w.phone.entrance)).size > 1)).toBe(true);

    const written = new Map<string, string[]>([...groups].map((g) => [g, []]));
    const write = async (round: string) => {
      for (const [i, w] of writers.entries()) {
        if (!w.board.provider.wsconnected) continue;
        const id = `${round}-${i}`;
        addNote(w.board.doc, { id, text: `Lapp ${id}`, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: w.authorKey, createdAt: Date.now() });
        written.get(w.group)!.push(id);
        await sleep(30);
      }
    };
    const sees = (w: (typeof writers)[number]) => new Set(readNotes(w.board.doc).map((n) => n.id));
    const converged = () => writers.every((w) => (written.get(w.group) ?? []).every((id) => sees(w).has(id)));
    await write('før');
    expect(await until(converged, 20_000), `boards did not converge across three processes\n${logs()}`).toBe(true);

    // Process 2 dies without a word. Everything it acknowledged stays: its phones' answers are
    // still counted and their notes (seen on the other processes, so stored) are still there.
    await servers[2]!.kill();
    const lost = phones.filter((p) => p.entrance === 2);
    const movedOn = () => !entrances[2]!.backendsInUse().has(options[2]!.port) && entrances[2]!.backendsInUse().size > 0;
    expect(await until(() => movedOn() && lost.every((p) => p.client.state.joined && p.client.socket.connected), 30_000), `phones of the dead process did not come back\n${logs()}`).toBe(true);
    expect(await until(() => writers.every((w) => w.board.provider.synced && w.board.provider.wsconnected), 30_000), 'boards did not reconnect').toBe(true);

    // The facilitator reloads (another process answers) and still counts every answer.
    const again = liveClient(entrances[1]!.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
    clients.push(again);
    let resultsAgain: ActivityResults | null = null;
    again.socket.on(serverEvents.results, (r: ActivityResults | null) => (resultsAgain = r));
    expect(await until(() => again.state.joined, 15_000)).toBe(true);

    // The boards go on, and commands still reach everyone, the moved phones included.
    await write('etter');
    expect(await until(converged, 20_000), `boards did not converge after losing a process\n${logs()}`).toBe(true);
    await step();
    const stepBack = await again.call<{ version: number }>(clientEvents.command, { sessionId: session.sessionId, command: { type: 'workshop', command: { type: 'goTo', index: rt.current } } });
    expect(stepBack?.ok, JSON.stringify(stepBack)).toBe(true);
    const recounted = () => {
      const r = resultsAgain as ActivityResults | null;
      return r?.kind === 'findings' && r.findingId === findingId && r.total === phones.length;
    };
    expect(await until(recounted, 15_000), `answers after losing a process: ${JSON.stringify(resultsAgain)}\n${logs()}`).toBe(true);
  }, 180_000);
});
