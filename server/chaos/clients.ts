import { io as connect, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { clientEvents, serverEvents, type Ack, type ClientToServerEvents, type JoinRequest, type ServerToClientEvents, type SnapshotView } from '@/lib/protocol';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EmitWithAck = { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };

/**
 * One browser tab as the real hook (components/live/use-live-session.ts) runs it: socket.io
 * reconnects on its own with the browser's backoff, and every (re)connect joins again.
 */
export function liveClient(origin: string, cookie: string, join: JoinRequest) {
  const socket: ClientSocket = connect(origin, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie, origin },
    reconnectionDelayMax: 3000,
  });
  const state = { joined: false, joinedAt: 0, participantId: null as string | null, snapshot: null as SnapshotView | null, refusedJoins: 0 };
  const accept = (s: SnapshotView) => {
    if (!state.snapshot || s.version >= state.snapshot.version) state.snapshot = s;
  };
  socket.on('connect', () => {
    socket.emit(clientEvents.join, join, (res) => {
      if (!res.ok) {
        state.refusedJoins += 1;
        return;
      }
      state.participantId = res.data.participantId;
      accept(res.data.snapshot);
      state.joined = true;
      state.joinedAt = Date.now();
    });
  });
  socket.on('disconnect', () => {
    state.joined = false;
  });
  socket.on(serverEvents.snapshot, accept);

  return {
    socket,
    state,
    /** Sends and waits for the ack; no ack in time (the server died) is `null`. */
    async call<T>(event: string, payload: unknown, timeoutMs = 8000): Promise<Ack<T> | null> {
      try {
        return (await (socket as unknown as EmitWithAck).timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
      } catch {
        return null;
      }
    },
    close() {
      socket.disconnect();
    },
  };
}
export type LiveClient = ReturnType<typeof liveClient>;

/** A board as a phone or the console holds it: a Yjs document kept in sync by y-websocket. */
export function boardClient(port: number, docName: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  return {
    doc,
    provider,
    close() {
      provider.destroy();
    },
  };
}
export type BoardClient = ReturnType<typeof boardClient>;

/** Joins over HTTP as the participant page does, accepting `consentVersion`; returns the participant cookie. */
export async function joinOverHttp(origin: string, code: string, consentVersion: number | null): Promise<string> {
  const res = await fetch(`${origin}/api/sessions/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ code, displayName: null, consentVersion }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`joining over HTTP failed with ${res.status}`);
  return cookie.split(';')[0]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds or the time is up; returns whether it held. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(intervalMs);
  }
}
