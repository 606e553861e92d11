/**
 * The clients the bench driver runs against each server: Verksted's real protocol (HTTP join,
 * socket.io with the participant cookie, y-websocket with a Yjs token) and the bare relays'.
 * Each records arrival times with the driver process's one clock, `performance.now()`.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { clientEvents, serverEvents, type JoinResult, type SnapshotView, type YjsTokenResult } from '@/lib/protocol';
import { notesOf } from '@/lib/workshop/board';
import { limitBudgets } from '@/server/services/limits-service';
import { relayEvents } from './baseline/socket-relay';
import type { BenchSession } from './setup';

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string } };
type AnySocket = Socket;

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * A distinct address per simulated phone from the benchmarking range 198.18.0.0/15, sent as
 * X-Forwarded-For (the server runs with TRUST_PROXY=true, as behind a reverse proxy): the
 * per-address join limits then count each phone alone, as they would on a real network.
 */
export const phoneAddress = (i: number) => `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 255}.${i & 255}`;

/** Connections the server dropped during the run (its heartbeat: no pong within 4 s), across all clients. */
export const drops = { count: 0 };

/**
 * A socket.io connection as the browser keeps one: it reconnects by itself, and `rejoin` runs
 * on every reconnect (the page's hook joins again then).
 */
function socketTo(origin: string, headers: Record<string, string>, rejoin: (socket: AnySocket) => void = () => undefined): AnySocket {
  const socket = connect(origin, { path: '/socket.io', transports: ['websocket'], extraHeaders: { origin, ...headers }, reconnectionDelayMax: 3000 });
  let connectedBefore = false;
  socket.on('connect', () => {
    if (connectedBefore) rejoin(socket);
    connectedBefore = true;
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') drops.count++;
  });
  return socket;
}

/** Error codes of every refused or unanswered event over the whole run, by code. */
export const refusals: Record<string, number> = {};

/** Sends and waits for the ack; a connection lost before the ack is a refusal with code NO_ACK. */
async function call<T>(socket: AnySocket, event: string, payload: unknown, timeoutMs = 30_000): Promise<Ack<T>> {
  let ack: Ack<T>;
  try {
    ack = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    ack = { ok: false, error: { code: 'NO_ACK' } };
  }
  if (!ack.ok) refusals[ack.error?.code ?? 'REFUSED'] = (refusals[ack.error?.code ?? 'REFUSED'] ?? 0) + 1;
  return ack;
}

function connected(socket: AnySocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** What every phone records: when each step (a snapshot version, a relay sequence number) arrived. */
export interface PhoneLog {
  arrivals: Map<number, number>;
  /** Bytes of each step's message as JSON (only on the phone asked to measure). */
  bytes: Map<number, number>;
}

// --- Verksted ---------------------------------------------------------------------------

export async function verkstedFacilitator(origin: string, session: BenchSession) {
  const join = { as: 'facilitator', sessionId: session.sessionId } as const;
  const socket = socketTo(origin, { cookie: session.cookie }, (again) => void call(again, clientEvents.join, join));
  const results: { at: number; bytes: number | null }[] = [];
  let sampled = 0;
  socket.on(serverEvents.results, (r: unknown) => {
    // Measuring every 40 KB message would load the driver; every tenth after the first few tells the size.
    results.push({ at: performance.now(), bytes: sampled++ < 10 || sampled % 10 === 0 ? bytesOf(r) : null });
  });
  let snapshot: SnapshotView | null = null;
  socket.on(serverEvents.snapshot, (s: SnapshotView) => {
    if (!snapshot || s.version >= snapshot.version) snapshot = s;
  });
  await connected(socket);
  const joined = await call<JoinResult>(socket, clientEvents.join, join);
  if (!joined.ok) throw new Error(`the facilitator could not join: ${joined.error.code}`);
  snapshot = joined.data.snapshot;
  return {
    socket,
    results,
    snapshot: () => snapshot!,
    /** Moves the agenda to `index`; resolves with the version it made (null: refused). */
    async goTo(index: number): Promise<number | null> {
      const res = await call<{ version: number }>(socket, clientEvents.command, { sessionId: session.sessionId, command: { type: 'workshop', command: { type: 'goTo', index } } });
      return res.ok ? res.data.version : null;
    },
    close: () => socket.disconnect(),
  };
}
export type VerkstedFacilitator = Awaited<ReturnType<typeof verkstedFacilitator>>;

async function joinOverHttp(origin: string, session: BenchSession, address: string): Promise<string> {
  const res = await fetch(`${origin}/api/sessions/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': address },
    body: JSON.stringify({ code: session.code, displayName: null, consentVersion: session.consentVersion }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`joining over HTTP failed with ${res.status}: ${await res.text()}`);
  return cookie.split(';')[0]!;
}

/**
 * A phone as the participant page runs it: HTTP join, then socket.io with the cookie. `seat` is
 * its place in its session: past the session's join budget it takes a cookie from the setup.
 */
export async function verkstedPhone(origin: string, session: BenchSession, index: number, seat: number, measureBytes: boolean) {
  const address = phoneAddress(index);
  const budget = limitBudgets.joinsPerSession.points;
  const cookie = seat < budget ? await joinOverHttp(origin, session, address) : session.preJoined[seat - budget]!;
  const join = { as: 'participant', code: session.code } as const;
  const socket = socketTo(origin, { cookie, 'x-forwarded-for': address }, (again) => void call(again, clientEvents.join, join));
  const log: PhoneLog = { arrivals: new Map(), bytes: new Map() };
  let snapshot: SnapshotView | null = null;
  socket.on(serverEvents.snapshot, (s: SnapshotView) => {
    log.arrivals.set(s.version, performance.now());
    if (measureBytes) log.bytes.set(s.version, bytesOf(s));
    if (!snapshot || s.version >= snapshot.version) snapshot = s;
  });
  await connected(socket);
  const joined = await call<JoinResult>(socket, clientEvents.join, join);
  if (!joined.ok) throw new Error(`a phone could not join: ${joined.error.code}`);
  snapshot = joined.data.snapshot;
  return {
    log,
    socket,
    snapshot: () => snapshot!,
    /** Sends and resolves with whether the server said ok. */
    async send(event: string, payload: unknown): Promise<boolean> {
      return (await call(socket, event, payload)).ok;
    },
    async yjsGrant(docName: string): Promise<{ token: string; authorKey: string }> {
      const res = await call<YjsTokenResult>(socket, clientEvents.yjsToken, { docName });
      if (!res.ok) throw new Error(`no Yjs token for ${docName}: ${res.error.code}`);
      return { token: res.data.token, authorKey: res.data.authorKey ?? 'facilitator' };
    },
    close: () => socket.disconnect(),
  };
}
export type VerkstedPhone = Awaited<ReturnType<typeof verkstedPhone>>;

// --- bare relay ---------------------------------------------------------------------------

export async function relayFacilitator(origin: string, room: string) {
  const join = { room, facilitator: true };
  const socket = socketTo(origin, {}, (again) => void call(again, relayEvents.join, join));
  const results: { at: number; bytes: number | null }[] = [];
  socket.on(relayEvents.results, () => results.push({ at: performance.now(), bytes: null }));
  await connected(socket);
  if (!(await call(socket, relayEvents.join, join)).ok) throw new Error('the relay refused a join');
  return {
    results,
    /** Broadcasts step `seq` as a message of `bytes` bytes; resolves once acked. */
    async step(seq: number, bytes: number): Promise<boolean> {
      return (await call(socket, relayEvents.cmd, { room, seq, bytes })).ok;
    },
    close: () => socket.disconnect(),
  };
}
export type RelayFacilitator = Awaited<ReturnType<typeof relayFacilitator>>;

export async function relayPhone(origin: string, room: string) {
  const join = { room, facilitator: false };
  const socket = socketTo(origin, {}, (again) => void call(again, relayEvents.join, join));
  const log: PhoneLog = { arrivals: new Map(), bytes: new Map() };
  socket.on(relayEvents.snap, (m: { seq: number }) => log.arrivals.set(m.seq, performance.now()));
  await connected(socket);
  if (!(await call(socket, relayEvents.join, join)).ok) throw new Error('the relay refused a join');
  return {
    log,
    async send(event: string, payload: unknown): Promise<boolean> {
      return (await call(socket, event, payload)).ok;
    },
    close: () => socket.disconnect(),
  };
}
export type RelayPhone = Awaited<ReturnType<typeof relayPhone>>;

// --- boards (both) --------------------------------------------------------------------------

/**
 * A board as a phone holds it; calls `seen(id, at)` for every note another client added (its own
 * adds are local and not reported).
 */
export function boardClient(wsBase: string, docName: string, token: string | null, seen: (noteId: string, at: number) => void) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  });
  notesOf(doc).observe((event) => {
    if (event.transaction.local) return;
    const at = performance.now();
    for (const item of event.changes.added) {
      for (const content of item.content.getContent()) {
        if (content instanceof Y.Map) {
          const id = content.get('id');
          if (typeof id === 'string') seen(id, at);
        }
      }
    }
  });
  return { doc, provider, close: () => provider.destroy() };
}
export type BenchBoard = ReturnType<typeof boardClient>;
