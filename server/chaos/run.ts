import { randomBytes } from 'node:crypto';
import { workshopViewOf } from '@/lib/workshop/view';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clientEvents, type SnapshotView } from '@/lib/protocol';
import { findingResponseValues } from '@/lib/workshop/answers';
import { addNote, boardDocName, readNotes } from '@/lib/workshop/board';
import { createAnswerLedger } from './answer-ledger';
import { boardClient, joinOverHttp, liveClient, sleep, until, type BoardClient, type LiveClient } from './clients';
import { checkBoards, type GroupBoards } from './boards';
import { readStored } from './stored';
import { serverProcess, type ServerProcessOptions } from './server-process';
import { prepareSession } from './setup';
import { freePort } from '../../test/ports';

export interface ChaosOptions {
  participants: number;
  /** Wanted number of groups; the reflection's group size (3–5) decides the real count. */
  groups: number;
  /** How long answers, and then board edits, stream in all (half each). */
  seconds: number;
  /** PostgreSQL when set, else PGlite in a temporary DATA_DIR. */
  databaseUrl: string | null;
  log: (line: string) => void;
}

/** The contract's last line: `lost` and `yjsConverged` are what was measured, never assumed. */
export interface ChaosResult {
  acked: number;
  found: number;
  lost: number;
  yjsConverged: boolean;
  reconnectSeconds: number;
}

const letters = (n: number) => n.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
const pause = () => sleep(500 + Math.random() * 1500);
const currentKind = (s: SnapshotView | null) => {
  const rt = s?.state.workshop;
  return rt ? (workshopViewOf(rt).activity?.kind ?? null) : null;
};

/**
 * Two streams, each killed with SIGKILL halfway and restarted on the same port and data:
 * participants answering the findings round over socket.io, then groups writing on their
 * boards over y-websocket. Clients reconnect by themselves. Then every acked answer is looked
 * up in the database and every board is compared between all its clients and the stored doc.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const { log } = options;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verksted-chaos-'));
  const serverOptions: ServerProcessOptions = {
    port: await freePort(),
    dataDir,
    databaseUrl: options.databaseUrl,
    sessionSecret: randomBytes(36).toString('base64url'),
    logFile: path.join(dataDir, 'server.log'),
  };
  const server = serverProcess(serverOptions);
  const clients: LiveClient[] = [];
  const boards: BoardClient[] = [];
  let keepData = true;
  try {
    const groupSize = Math.min(5, Math.max(3, Math.round(options.participants / Math.max(1, options.groups))));
    const session = await prepareSession(serverOptions, groupSize);
    log(`server: ${options.databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`}, port ${serverOptions.port}`);
    await server.start();

    const fac = liveClient(server.origin, session.cookie, { as: 'facilitator', sessionId: session.sessionId });
    clients.push(fac);
    const people: LiveClient[] = [];
    for (let i = 0; i < options.participants; i++) {
      const cookie = await joinOverHttp(server.origin, session.code, session.consentVersion);
      people.push(liveClient(server.origin, cookie, { as: 'participant', code: session.code }));
    }
    clients.push(...people);
    if (!(await until(() => clients.every((c) => c.state.joined), 60_000))) throw new Error('not every client could join');

    async function advanceTo(kind: 'findings' | 'reflection') {
      for (let step = 0; step < 20 && currentKind(fac.state.snapshot) !== kind; step++) {
        const res = await fac.call<{ version: number }>(clientEvents.command, { sessionId: session.sessionId, command: { type: 'workshop', command: { type: 'next' } } });
        if (!res?.ok) throw new Error(`moving the agenda on failed: ${res ? res.error.code : 'no answer'}`);
        await until(() => (fac.state.snapshot?.version ?? 0) >= res.data.version, 10_000);
      }
      if (currentKind(fac.state.snapshot) !== kind) throw new Error(`the agenda never reached ${kind}`);
    }

    const reconnects: number[] = [];
    /** Kills the server hard, starts it again, and waits until every client is back by itself. */
    async function killAndRestart(label: string) {
      await server.kill();
      log(`${label}: server killed (SIGKILL)`);
      await server.start();
      const readyAt = Date.now();
      const back = () => clients.every((c) => c.state.joined && c.state.joinedAt >= readyAt) && boards.every((b) => b.provider.synced);
      if (!(await until(back, 120_000))) throw new Error(`${label}: clients did not come back within 120 s`);
      const seconds = (Date.now() - readyAt) / 1000;
      reconnects.push(seconds);
      log(`${label}: restarted; all ${clients.length} clients and ${boards.length} boards back after ${seconds.toFixed(1)} s`);
    }

    // --- stream 1: answers to the findings round
    await advanceTo('findings');
    const ledger = createAnswerLedger();
    const refusals = new Map<string, number>();
    let answering = true;
    const answerLoops = people.map(async (p, i) => {
      for (let k = 0; answering; ) {
        await pause();
        if (!answering || !p.state.joined || !p.state.participantId) continue;
        const findingId = session.findingIds[k % session.findingIds.length]!;
        const comment = `svar ${letters(i)} ${letters(k++)}`;
        const write = ledger.send(p.state.participantId, findingId, comment);
        const response = findingResponseValues[k % findingResponseValues.length];
        const res = await p.call(clientEvents.respond, { findingId, response, comment });
        write.settle(res === null ? 'unknown' : res.ok ? 'ok' : 'refused');
        if (res && !res.ok) refusals.set(res.error.code, (refusals.get(res.error.code) ?? 0) + 1);
      }
    });
    const half = (options.seconds * 1000) / 2;
    await sleep(half / 2);
    await killAndRestart('answers');
    await sleep(Math.max(half / 2, 3000));
    answering = false;
    await Promise.all(answerLoops);
    if (refusals.size > 0) log(`answers refused: ${JSON.stringify(Object.fromEntries(refusals))}`);

    // --- stream 2: group boards
    await advanceTo('reflection');
    if (!(await until(() => people.every((p) => (p.state.snapshot?.state.workshop?.groups.length ?? 0) > 0 && currentKind(p.state.snapshot) === 'reflection'), 30_000))) {
      throw new Error('participants never saw the groups');
    }
    const runtime = fac.state.snapshot!.state.workshop!;
    const reflectionId = workshopViewOf(runtime).activity!.id;
    // y-websocket's awareness adds a process 'exit' listener per provider; that many are expected here.
    process.setMaxListeners(Math.max(process.getMaxListeners(), options.participants + runtime.groups.length + 20));
    const groups: GroupBoards[] = [];
    // A member's notes must carry their key for the board (the server refuses any other).
    const authorKeys = new Map<unknown, string>();
    for (const group of runtime.groups) {
      const docName = boardDocName(session.sessionId, reflectionId, group.id);
      const open = async (client: LiveClient) => {
        const token = await client.call<{ token: string; authorKey: string | null }>(clientEvents.yjsToken, { docName });
        if (!token?.ok) throw new Error(`no board token for ${docName}: ${token ? token.error.code : 'no answer'}`);
        const board = boardClient(serverOptions.port, docName, token.data.token);
        authorKeys.set(board, token.data.authorKey ?? 'facilitator');
        boards.push(board);
        return board;
      };
      const members = people.filter((p) => group.memberIds.includes(p.state.participantId ?? ''));
      groups.push({ docName, observer: await open(fac), writers: await Promise.all(members.map(open)), written: [], seenBeforeKill: new Set() });
    }
    log(`boards: ${groups.length} groups of about ${groupSize}, ${boards.length} board connections`);
    if (!(await until(() => boards.every((b) => b.provider.synced), 60_000))) throw new Error('not every board synced');

    let writing = true;
    const writeLoops = groups.flatMap((g, gi) =>
      g.writers.map(async (w, wi) => {
        // A phone keeps writing while the connection is down; y-websocket sends it on reconnect.
        for (let n = 0; writing; n++) {
          await pause();
          if (!writing) break;
          const id = `${letters(gi)}-${letters(wi)}-${letters(n)}`;
          addNote(w.doc, { id, text: `Lapp ${id}`, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: authorKeys.get(w)!, createdAt: Date.now() });
          g.written.push(id);
        }
      }),
    );
    await sleep(half / 2);
    // What the console saw through the server before the kill was stored before it was relayed.
    for (const g of groups) g.seenBeforeKill = new Set(readNotes(g.observer.doc).map((n) => n.id));
    await killAndRestart('boards');
    await sleep(Math.max(half / 2, 3000));
    writing = false;
    await Promise.all(writeLoops);
    await until(() => groups.every((g) => checkBoards(g).converged), 60_000);

    for (const b of boards.splice(0)) b.close();
    for (const c of clients.splice(0)) c.close();
    await server.stop();

    const stored = await readStored(serverOptions, session.sessionId, groups.map((g) => g.docName));
    const tally = ledger.tally(stored.answers);
    const verdicts = groups.map((g) => checkBoards(g, stored.docs.get(g.docName) ?? null));
    for (const [i, v] of verdicts.entries()) if (!v.converged) log(`board ${groups[i]!.docName} did not converge: ${v.problems.join('; ')}`);
    const notes = groups.reduce((n, g) => n + g.written.length, 0);
    log(`answers: ${tally.acked} acked, ${tally.found} found, ${tally.lost} lost, ${tally.unknown} without an ack (server died first)`);
    log(`boards: ${notes} notes written, ${groups.reduce((n, g) => n + g.seenBeforeKill.size, 0)} seen through the server before the kill`);
    const result: ChaosResult = {
      acked: tally.acked,
      found: tally.found,
      lost: tally.lost,
      yjsConverged: verdicts.every((v) => v.converged),
      reconnectSeconds: Number(Math.max(...reconnects).toFixed(1)),
    };
    keepData = result.lost > 0 || !result.yjsConverged;
    return result;
  } finally {
    for (const b of boards) b.close();
    for (const c of clients) c.close();
    await server.stop();
    await server.close();
    if (keepData) log(`data and server log kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

