import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';
import type { YjsServer } from './yjs-server';

/**
 * The socket.io vocabulary every realtime module shares: who a connection is and which rooms
 * it sits in. A leaf module (it imports no other realtime file at runtime), so the socket
 * server, the broadcasts and the handlers depend on it and never on each other in a circle.
 */

/** What a connection has joined; one live session at a time. */
export interface Membership {
  sessionId: string;
  /** The session's project: membership of it is rechecked before every privileged event. */
  projectId: string;
  role: 'facilitator' | 'participant' | 'presenter';
  userId: string | null;
  participantId: string | null;
}

export interface SocketData {
  cookies: Record<string, string | undefined>;
  userId: string | null;
  /** The auth session the socket connected with (its key); signing it out lets the socket go. */
  authKey: string | null;
  membership: Membership | null;
}

export type VerkstedIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type VerkstedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What the control plane needs of the content plane: access follows the session's state. */
export type ContentAccess = Pick<YjsServer, 'reauthorise' | 'closeWhere' | 'purge'> & {
  /** Resolves once silent-writing drafts released so far are in their boards (archive after). */
  settled(sessionId: string): Promise<void>;
};

/** Every connection of a session: facilitators, screens and participants. */
export const sessionRoom = (sessionId: string) => `s:${sessionId}`;
/** The facilitators' consoles of a session. */
export const facilitatorRoom = (sessionId: string) => `s:${sessionId}:f`;
/** Every participant connection of a session, whatever their group. */
export const participantsRoom = (sessionId: string) => `s:${sessionId}:p`;
/** The big screens of a session. */
export const presenterRoom = (sessionId: string) => `s:${sessionId}:screen`;
/** One participant's connections (all their tabs), for the view only they may see. */
export const participantRoom = (sessionId: string, participantId: string) => `s:${sessionId}:p:${participantId}`;
/** Every socket of one user, and every socket opened with one auth session, share a room. */
export const userRoom = (userId: string) => `u:${userId}`;
export const authRoom = (authKey: string) => `a:${authKey}`;

/** The rooms a connection with this membership is in; leaving them all takes it out of the session. */
export function roomsOf(m: Membership): string[] {
  const base = [sessionRoom(m.sessionId)];
  if (m.role === 'facilitator') return [...base, facilitatorRoom(m.sessionId)];
  if (m.role === 'presenter') return [...base, presenterRoom(m.sessionId)];
  return [...base, participantsRoom(m.sessionId), ...(m.participantId ? [participantRoom(m.sessionId, m.participantId)] : [])];
}
