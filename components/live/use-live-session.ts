'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import type { ArchiveStatus } from '@/lib/archive-status';
import type { AppError } from '@/lib/errors';
import type { LiveCommand } from '@/lib/live-session';
import { mergePresence } from '@/lib/presence';
import {
  clientEvents,
  serverEvents,
  type Ack,
  type JoinRequest,
  type MineChanged,
  type Presence,
  type SnapshotView,
} from '@/lib/protocol';
import type { PublicAnalysis } from '@/lib/qsort/analysis';
import type { SupervisionOutcome } from '@/lib/supervision/outcome';
import type { ClientEvent, EventInput, EventOutput } from '@/lib/socket-events';
import type { ActivityResults, AnsweredCount } from '@/lib/workshop/results';
import { call as callOn, type LiveSocket } from './socket-call';

export type { LiveSocket };
/**
 * `offline`: the device itself says it has no network (the browser's `offline` event); a
 * network that fails silently shows as `reconnecting` once the heartbeat misses (server/realtime/heartbeat.ts).
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed';

export interface LiveSessionView {
  status: ConnectionStatus;
  /** Why joining failed (e.g. NOT_JOINED, SESSION_ENDED, DEVICE_MOVED); the UI translates it. */
  error: AppError | null;
  /** Whether this page was in the session before (a failed rejoin then means it was let go, not that it never joined). */
  wasJoined: boolean;
  snapshot: SnapshotView | null;
  presence: Presence | null;
  results: ActivityResults | null;
  /** How many have answered the current activity, from the minimum count up (shown before reveal). */
  answered: AnsweredCount | null;
  /** A kollegaveiledning's learning points and agreements so far. */
  outcome: SupervisionOutcome | null;
  /** What the big screen shows of a Q-sort analysis (never loadings or pseudonyms). */
  qsortPublic: PublicAnalysis | null;
  /** Facilitators: where keeping boards and notes as feedback stands (null: not run yet). */
  archive: ArchiveStatus | null;
  /**
   * A participant's own answers as last pushed (on joining, at each step change, after a
   * redaction), numbered so a view adopts each push once. Kept here, from the socket's start,
   * so a push that arrives before a view subscribes is not lost.
   */
  mine: (MineChanged & { seq: number }) | null;
  participantId: string | null;
  displayName: string | null;
  authorKey: string | null;
  socket: LiveSocket | null;
  /** Server clock minus ours, from the latest snapshot; timers count down to server time. */
  clockOffset: number;
}

type AckEvent = Exclude<ClientEvent, 'session:join'>;

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
    wasJoined: false,
    snapshot: null,
    presence: null,
    results: null,
    answered: null,
    outcome: null,
    qsortPublic: null,
    archive: null,
    mine: null,
    participantId: null,
    displayName: null,
    authorKey: null,
    socket: null,
    clockOffset: 0,
  });
  const socketRef = useRef<LiveSocket | null>(null);

  useEffect(() => {
    const request = JSON.parse(joinKey) as JoinRequest;
    // WebSocket first: behind a load balancer it needs no sticky sessions, and any process can
    // take a reconnect. Long-polling only where a network blocks WebSockets.
    const socket: LiveSocket = io({ path: '/socket.io', reconnectionDelayMax: 3000, transports: ['websocket', 'polling'], tryAllTransports: true });
    socketRef.current = socket;
    // Let go for good (moved device, access ended, refused join): the network coming back changes nothing.
    let ended = false;

    const newer = (current: SnapshotView | null, incoming: SnapshotView) => !current || incoming.version >= current.version;
    const accept = (snapshot: SnapshotView) =>
      setView((v) => (newer(v.snapshot, snapshot) ? { ...v, snapshot, clockOffset: snapshot.serverNow - Date.now() } : v));

    socket.on('connect', () => {
      socket.emit(clientEvents.join, request, (res) => {
        if (!res.ok) {
          ended = true;
          return setView((v) => ({ ...v, status: 'failed', error: res.error }));
        }
        setView((v) => ({
          ...v,
          socket,
          status: 'connected',
          error: null,
          wasJoined: true,
          participantId: res.data.participantId,
          displayName: res.data.displayName,
          authorKey: res.data.authorKey,
          ...(newer(v.snapshot, res.data.snapshot) ? { snapshot: res.data.snapshot, clockOffset: res.data.snapshot.serverNow - Date.now() } : {}),
        }));
      });
    });
    const lost = (): ConnectionStatus => (navigator.onLine ? 'reconnecting' : 'offline');
    socket.on('disconnect', () => setView((v) => (v.status === 'failed' ? v : { ...v, status: lost() })));
    socket.on('connect_error', () => setView((v) => (v.status === 'failed' ? v : { ...v, status: v.snapshot ? lost() : 'connecting' })));
    // The device knows before the heartbeat does: say so at once, and try again as soon as it is back
    // instead of waiting out socket.io's backoff. A rejoin sends the current snapshot.
    const offline = () => setView((v) => (v.status === 'failed' ? v : { ...v, status: 'offline' }));
    const online = () => {
      setView((v) => (v.status === 'offline' ? { ...v, status: socket.connected ? 'connected' : 'reconnecting' } : v));
      if (!ended && !socket.connected && socketRef.current === socket) socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    socket.on(serverEvents.snapshot, accept);
    socket.on(serverEvents.presence, (presence) => setView((v) => ({ ...v, presence: mergePresence(v.presence, presence) })));
    socket.on(serverEvents.results, (results) => setView((v) => ({ ...v, results })));
    socket.on(serverEvents.answered, (answered) => setView((v) => ({ ...v, answered })));
    socket.on(serverEvents.supervisionOutcome, (outcome) => setView((v) => ({ ...v, outcome })));
    socket.on(serverEvents.qsortPublic, (qsortPublic) => setView((v) => ({ ...v, qsortPublic })));
    // Removed from the project or signed out: stop, and say so instead of reconnecting.
    socket.on(serverEvents.accessEnded, ({ code }) => {
      ended = true;
      setView((v) => ({ ...v, status: 'failed', error: { code, message: 'access ended' } }));
      socket.disconnect();
    });
    socket.on(serverEvents.archiveStatus, (archive) => setView((v) => ({ ...v, archive })));
    const mine = (changed: MineChanged) => setView((v) => ({ ...v, mine: { ...changed, seq: (v.mine?.seq ?? 0) + 1 } }));
    socket.on(serverEvents.myAnswers, mine);
    socket.on(serverEvents.mineChanged, mine);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [joinKey]);

  /** Sends an event and waits for the server's answer (typed per event); a lost connection becomes an error. */
  const call = useCallback(<E extends AckEvent>(event: E, payload: EventInput<E>): Promise<Ack<EventOutput<E>>> => callOn(socketRef.current, event, payload), []);

  const sessionId = view.snapshot?.sessionId;
  const send = useCallback(
    (command: LiveCommand): Promise<Ack<{ version: number }>> =>
      sessionId ? call(clientEvents.command, { sessionId, command }) : Promise.resolve({ ok: false, error: { code: 'NOT_JOINED', message: 'not connected' } }),
    [call, sessionId],
  );

  const rename = useCallback(async (displayName: string | null): Promise<Ack<{ displayName: string | null }>> => {
    const res = await call(clientEvents.updateSelf, { displayName });
    if (res.ok) setView((v) => ({ ...v, displayName: res.data.displayName }));
    return res;
  }, [call]);

  return { ...view, send, rename, call };
}
