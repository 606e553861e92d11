/**
 * `npm run bench:footprint [-- --participants N]`: what Verksted holds at rest and what a big
 * board costs a newcomer (issue 14's goals: ≤ 100 KB of server memory per idle participant, an
 * idle server well under 520 MB, and a board with 10,000 stored updates loaded by a new client
 * in under 50 ms).
 *
 * One server process (the headless server of the chaos run and the benchmark, on PGlite in a
 * scratch directory, or on PostgreSQL with DATABASE_URL):
 * 1. idle: its resident memory with nobody connected, after a few quiet seconds;
 * 2. N phones joined over HTTP and socket.io and left idle: the memory again, and the
 *    difference per phone;
 * 3. a group board of that session given 10,000 stored updates (200 notes added, then edited
 *    9,800 times, appended to the database while the server is stopped, as a day of writing
 *    leaves them before compaction),
 *    then: a new client's load with the server cold (the document read from the database), a
 *    second client's load with the document in memory, and after a restart (by then compacted
 *    into a snapshot) a cold load again. Load = provider created → synced with every note.
 *
 * Writes bench/results/footprint-<date>.json and prints one JSON object as its last line.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { clientEvents, type SnapshotView } from '@/lib/protocol';
import { addNote, boardDocName, readNotes, updateNote } from '@/lib/workshop/board';
import { groupOf } from '@/lib/workshop/runtime';
import { isFullWorkshop, workshopViewOf } from '@/lib/workshop/view';
import { boardClient, joinOverHttp, liveClient, sleep, until, type LiveClient } from '@/server/chaos/clients';
import { serverProcess, type ServerProcessOptions } from '@/server/chaos/server-process';
import { prepareSession, withServerDatabase } from '@/server/chaos/setup';
import { freePort } from '../test/ports';
import { rssMbOf } from './proc';

const here = path.dirname(fileURLToPath(import.meta.url));
const STORED_UPDATES = 10_000;
/** Notes on the board; the other stored updates edit them, as a group's writing and rewording does. */
const NOTES = 200;
const { values } = parseArgs({ args: process.argv.slice(2), options: { participants: { type: 'string', default: '300' } }, strict: true });
const participants = Number(values.participants);
if (!Number.isInteger(participants) || participants < 5 || participants > 600) throw new Error('bench:footprint: --participants must be a whole number from 5 to 600');

const rssOf = (pid: number) => rssMbOf(readFileSync(`/proc/${pid}/status`, 'utf8'));
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const databaseUrl = process.env.DATABASE_URL || null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verksted-footprint-'));
  const options: ServerProcessOptions = { port: await freePort(), dataDir, databaseUrl, sessionSecret: randomBytes(36).toString('base64url'), logFile: path.join(dataDir, 'server.log') };
  const server = serverProcess(options);
  const clients: LiveClient[] = [];
  try {
    const session = await prepareSession(options, 5);
    await server.start();
    await sleep(3000);
    const idleMb = rssOf(server.pid()!);
    say(`idle: ${idleMb.toFixed(1)} MB`);

    const facilitator = liveClient(server.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
    clients.push(facilitator);
    for (let i = 0; i < participants; i++) {
      clients.push(liveClient(server.origin, await joinOverHttp(server.origin, session.code, session.consentVersion), { as: 'participant', code: session.code }));
    }
    if (!(await until(() => clients.every((c) => c.state.joined), 120_000))) throw new Error('not every phone joined');
    await sleep(5000);
    const joinedMb = rssOf(server.pid()!);
    const perParticipantKb = ((joinedMb - idleMb) * 1024) / participants;
    say(`${participants} idle phones: ${joinedMb.toFixed(1)} MB, ${perParticipantKb.toFixed(1)} KB each`);

    // Into the group reflection, so the boards exist; one group's board gets the stored updates.
    const full = (s: SnapshotView | null) => {
      const rt = s?.state.workshop;
      if (!rt || !isFullWorkshop(rt)) throw new Error('expected the facilitator\u2019s full state');
      return rt;
    };
    const reflection = workshopViewOf(full(facilitator.state.snapshot)).agenda.findIndex((a) => a.kind === 'reflection');
    const moved = await facilitator.call<{ version: number }>(clientEvents.command, { sessionId: session.sessionId, command: { type: 'workshop', command: { type: 'goTo', index: reflection } } }, 30_000);
    if (!moved?.ok) throw new Error('could not open the group reflection');
    await until(() => (facilitator.state.snapshot?.version ?? 0) >= moved.data.version, 30_000);
    const runtime = full(facilitator.state.snapshot);
    const group = groupOf(runtime, clients[1]!.state.participantId!)!;
    const docName = boardDocName(session.sessionId, runtime.activities[runtime.current]!.id, group.id);
    for (const c of clients.splice(1)) c.close();
    facilitator.close();
    clients.length = 0;
    await server.stop();

    const written = await withServerDatabase(options, async (services) => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let n = 0; n < NOTES; n++) addNote(doc, { id: `n${n}`, text: `Lapp nummer ${n}`, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: 'benk', createdAt: Date.now() });
      for (let k = NOTES; k < STORED_UPDATES; k++) updateNote(doc, `n${k % NOTES}`, { text: `Lapp nummer ${k % NOTES}, skrevet om for ${k}. gang` });
      for (const u of updates) await services.yjsPersistence.append(docName, u);
      return { updates: updates.length, stateBytes: Y.encodeStateAsUpdate(doc).byteLength };
    });
    say(`stored ${written.updates} updates (the whole state: ${written.stateBytes} bytes)`);

    const load = async (): Promise<number> => {
      const fac = liveClient(server.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
      clients.push(fac);
      if (!(await until(() => fac.state.joined, 30_000))) throw new Error('the facilitator did not join');
      const token = await fac.call<{ token: string }>(clientEvents.yjsToken, { docName });
      if (!token?.ok) throw new Error('no board token');
      const started = performance.now();
      const board = boardClient(options.port, docName, token.data.token);
      const ms = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the board never loaded')), 60_000);
        board.provider.on('sync', (synced: boolean) => {
          if (!synced) return;
          clearTimeout(timer);
          resolve(performance.now() - started);
        });
      });
      const notes = readNotes(board.doc);
      if (notes.length !== NOTES || !notes.some((n) => n.text.endsWith(`${STORED_UPDATES - 1}. gang`))) throw new Error(`the board loaded ${notes.length} notes, not the last edits`);
      board.close();
      fac.close();
      return ms;
    };
    await server.start();
    const coldMs = await load();
    const warmMs: number[] = [];
    for (let i = 0; i < 5; i++) warmMs.push(await load());
    await sleep(1000);
    await server.stop();
    await server.start();
    const compactedColdMs = await load();
    say(`board load: cold ${coldMs.toFixed(1)} ms, warm ${warmMs.map((m) => m.toFixed(1)).join(' / ')} ms, cold after compaction ${compactedColdMs.toFixed(1)} ms`);

    const result = {
      command: `npm run bench:footprint -- --participants ${participants}`,
      at: new Date().toISOString(),
      database: databaseUrl ? 'PostgreSQL' : 'PGlite',
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version },
      idleServerRssMb: Number(idleMb.toFixed(1)),
      participants,
      withIdleParticipantsRssMb: Number(joinedMb.toFixed(1)),
      perIdleParticipantKb: Number(perParticipantKb.toFixed(1)),
      board: { storedUpdates: written.updates, notes: NOTES, stateBytes: written.stateBytes, coldLoadMs: Number(coldMs.toFixed(1)), warmLoadMs: warmMs.map((m) => Number(m.toFixed(1))), coldAfterCompactionMs: Number(compactedColdMs.toFixed(1)) },
    };
    const stamp = new Date().toISOString().replace(/:\d\d\.\d+Z$/, 'Z').replace(':', '');
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', `footprint-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify({ idleServerRssMb: result.idleServerRssMb, perIdleParticipantKb: result.perIdleParticipantKb, boardColdLoadMs: result.board.coldLoadMs, boardWarmLoadMs: Math.max(...result.board.warmLoadMs), boardColdAfterCompactionMs: result.board.coldAfterCompactionMs })}\n`);
  } finally {
    for (const c of clients) c.close();
    await server.stop();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
