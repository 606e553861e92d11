'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ArchiveStatus } from '@/lib/archive-status';
import type { AppError } from '@/lib/errors';
import type { LiveCommand } from '@/lib/live-session';
import { mergePresence } from '@/lib/presence';
import {
  clientEvents,
  serverEvents,
  type Ack,
  type ClientToServerEvents,
  type JoinRequest,
  type Presence,
  type ServerToClientEvents,
  type SessionSnapshot,
} from '@/lib/protocol';
import type { PublicAnalysis } from '@/lib/qsort/analysis';
import type { SupervisionOutcome } from '@/lib/supervision/outcome';
import type { ActivityResults } from '@/lib/workshop/results';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface LiveSessionView {
  status: ConnectionStatus;
  /** Why joining failed (e.g. NOT_JOINED, SESSION_ENDED); the UI translates it. */
  error: AppError | null;
  snapshot: SessionSnapshot | null;
  presence: Presence | null;
  results: ActivityResults | null;
  /** A kollegaveiledning's learning points and agreements so far. */
  outcome: SupervisionOutcome | null;
  /** What the big screen shows of a Q-sort analysis (never loadings or pseudonyms). */
  qsortPublic: PublicAnalysis | null;
  /** Facilitators: where keeping boards and notes as feedback stands (null: not run yet). */
  archive: ArchiveStatus | null;
  participantId: string | null;
  displayName: string | null;
  authorKey: string | null;
  socket: LiveSocket | null;
  /** Server clock minus ours, from the latest snapshot; timers count down to server time. */
  clockOffset: number;
}

const ACK_TIMEOUT_MS = 10_000;
type AckEvent = Exclude<keyof ClientToServerEvents, 'session:join'>;

/**
 * Connects to the control plane and keeps the session's state current. socket.io reconnects
 * by itself (also after a server restart); every (re)connect joins again and receives the
 * current snapshot, so a client never has to reason about what it missed.
 */
export function useLiveSession(join: JoinRequest) {
  const joinKey = JSON.stringify(join);
  const [view, setView] = useState<LiveSessionView>({
    status: 'connecting',
    error: null,
    snapshot: null,
    presence: null,
    results: null,
    outcome: null,
    qsortPublic: null,
    archive: null,
    participantId: null,
    displayName: null,
    authorKey: null,
    socket: null,
    clockOffset: 0,
  });
  const socketRef = useRef<LiveSocket | null>(null);

  useEffect(() => {
    const request = JSON.parse(joinKey) as JoinRequest;
    const socket: LiveSocket = io({ path: '/socket.io', reconnectionDelayMax: 3000 });
    socketRef.current = socket;

    const newer = (current: SessionSnapshot | null, incoming: SessionSnapshot) => !current || incoming.version >= current.version;
    const accept = (snapshot: SessionSnapshot) =>
      setView((v) => (newer(v.snapshot, snapshot) ? { ...v, snapshot, clockOffset: snapshot.serverNow - Date.now() } : v));

    socket.on('connect', () => {
      socket.emit(clientEvents.join, request, (res) => {
        if (!res.ok) return setView((v) => ({ ...v, status: 'failed', error: res.error }));
        setView((v) => ({
          ...v,
          socket,
          status: 'connected',
          error: null,
          participantId: res.data.participantId,
          displayName: res.data.displayName,
          authorKey: res.data.authorKey,
          ...(newer(v.snapshot, res.data.snapshot) ? { snapshot: res.data.snapshot, clockOffset: res.data.snapshot.serverNow - Date.now() } : {}),
        }));
      });
    });
    socket.on('disconnect', () => setView((v) => (v.status === 'failed' ? v : { ...v, status: 'reconnecting' })));
    socket.on('connect_error', () => setView((v) => (v.status === 'failed' ? v : { ...v, status: v.snapshot ? 'reconnecting' : 'connecting' })));
    socket.on(serverEvents.snapshot, accept);
    socket.on(serverEvents.presence, (presence) => setView((v) => ({ ...v, presence: mergePresence(v.presence, presence) })));
    socket.on(serverEvents.results, (results) => setView((v) => ({ ...v, results })));
    socket.on(serverEvents.supervisionOutcome, (outcome) => setView((v) => ({ ...v, outcome })));
    socket.on(serverEvents.qsortPublic, (qsortPublic) => setView((v) => ({ ...v, qsortPublic })));
    // Removed from the project or signed out: stop, and say so instead of reconnecting.
    socket.on(serverEvents.accessEnded, ({ code }) => {
      setView((v) => ({ ...v, status: 'failed', error: { code, message: 'access ended' } }));
      socket.disconnect();
    });
    socket.on(serverEvents.archiveStatus, (archive) => setView((v) => ({ ...v, archive })));
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [joinKey]);

  /** Sends an event and waits for the server's answer; a lost connection becomes an error. */
  const call = useCallback(async <T,>(event: AckEvent, payload: unknown): Promise<Ack<T>> => {
    const socket = socketRef.current;
    if (!socket) return { ok: false, error: { code: 'NOT_JOINED', message: 'not connected' } };
    try {
      const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(e: AckEvent, p: unknown): Promise<Ack<T>> };
      return await timed.emitWithAck(event, payload);
    } catch {
      return { ok: false, error: { code: 'NETWORK', message: 'no answer from server' } };
    }
  }, []);

  const sessionId = view.snapshot?.sessionId;
  const send = useCallback(
    (command: LiveCommand): Promise<Ack<{ version: number }>> =>
      sessionId ? call(clientEvents.command, { sessionId, command }) : Promise.resolve({ ok: false, error: { code: 'NOT_JOINED', message: 'not connected' } }),
    [call, sessionId],
  );

  const rename = useCallback(async (displayName: string | null): Promise<Ack<{ displayName: string | null }>> => {
    const res = await call<{ displayName: string | null }>(clientEvents.updateSelf, { displayName });
    if (res.ok) setView((v) => ({ ...v, displayName: res.data.displayName }));
    return res;
  }, [call]);

  return { ...view, send, rename, call };
}
