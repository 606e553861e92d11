'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AppError } from '@/lib/errors';
import type { LiveCommand } from '@/lib/live-session';
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

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface LiveSessionView {
  status: ConnectionStatus;
  /** Why joining failed (e.g. NOT_JOINED, SESSION_ENDED); the UI translates it. */
  error: AppError | null;
  snapshot: SessionSnapshot | null;
  presence: Presence | null;
  participantId: string | null;
  displayName: string | null;
  socket: LiveSocket | null;
}

const ACK_TIMEOUT_MS = 10_000;

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
    participantId: null,
    displayName: null,
    socket: null,
  });
  const socketRef = useRef<LiveSocket | null>(null);

  useEffect(() => {
    const request = JSON.parse(joinKey) as JoinRequest;
    const socket: LiveSocket = io({ path: '/socket.io', reconnectionDelayMax: 3000 });
    socketRef.current = socket;

    const acceptSnapshot = (snapshot: SessionSnapshot) =>
      setView((v) => (v.snapshot && v.snapshot.version > snapshot.version ? v : { ...v, snapshot }));

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
          snapshot: v.snapshot && v.snapshot.version > res.data.snapshot.version ? v.snapshot : res.data.snapshot,
        }));
      });
    });
    socket.on('disconnect', () => setView((v) => (v.status === 'failed' ? v : { ...v, status: 'reconnecting' })));
    socket.on('connect_error', () => setView((v) => (v.status === 'failed' ? v : { ...v, status: v.snapshot ? 'reconnecting' : 'connecting' })));
    socket.on(serverEvents.snapshot, acceptSnapshot);
    socket.on(serverEvents.presence, (presence) => setView((v) => ({ ...v, presence })));
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [joinKey]);

  const send = useCallback(async (command: LiveCommand): Promise<Ack<{ version: number }>> => {
    const socket = socketRef.current;
    const sessionId = view.snapshot?.sessionId;
    if (!socket || !sessionId) return { ok: false, error: { code: 'NOT_JOINED', message: 'not connected' } };
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(clientEvents.command, { sessionId, command });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'no answer from server' } };
    }
  }, [view.snapshot?.sessionId]);

  const rename = useCallback(async (displayName: string | null): Promise<Ack<{ displayName: string | null }>> => {
    const socket = socketRef.current;
    if (!socket) return { ok: false, error: { code: 'NOT_JOINED', message: 'not connected' } };
    try {
      const res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(clientEvents.updateSelf, { displayName });
      if (res.ok) setView((v) => ({ ...v, displayName: res.data.displayName }));
      return res;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'no answer from server' } };
    }
  }, []);

  return { ...view, send, rename };
}
