import type { Server as HttpServer } from 'node:http';
import { parseCookie } from 'cookie';
import { Server, type Socket } from 'socket.io';
import { AUTH_COOKIE, participantCookieName } from '@/lib/cookies';
import { fail, ok, type Result } from '@/lib/errors';
import {
  clientEvents,
  commandRequestSchema,
  joinRequestSchema,
  parseYjsDocName,
  serverEvents,
  updateSelfRequestSchema,
  yjsTokenRequestSchema,
  type ClientToServerEvents,
  type JoinResult,
  type ServerToClientEvents,
} from '@/lib/protocol';
import type { Logger } from '../logger';
import { isSameOrigin } from '../security/origin';
import type { YjsTokenSigner } from '../security/tokens';
import type { AuthService } from '../services/auth-service';
import { toSnapshot, type LiveService } from '../services/live-service';
import type { ProjectService } from '../services/project-service';
import { createPresence } from './presence';
import { handle } from './socket-handler';

/** What a connection has joined; one live session at a time. */
export interface Membership {
  sessionId: string;
  role: 'facilitator' | 'participant';
  userId: string | null;
  participantId: string | null;
}

export interface SocketData {
  cookies: Record<string, string | undefined>;
  userId: string | null;
  membership: Membership | null;
}

export type VerkstedIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type VerkstedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const sessionRoom = (sessionId: string) => `s:${sessionId}`;
export const facilitatorRoom = (sessionId: string) => `s:${sessionId}:f`;

interface Deps {
  auth: AuthService;
  live: LiveService;
  projects: ProjectService;
  yjsTokens: YjsTokenSigner;
  publicUrl: string | null;
  log: Logger;
}

/** The control plane. Handlers parse, identify the caller and call a service; nothing else. */
export function createSocketServer(httpServer: HttpServer, deps: Deps): VerkstedIo {
  const { auth, live, projects, yjsTokens, log } = deps;
  const io: VerkstedIo = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Leave other upgrade paths (/yjs/…) to their own handler instead of destroying them.
    destroyUpgrade: false,
    maxHttpBufferSize: 256 * 1024,
    // Cross-site WebSocket hijacking defence: a browser on another site always sends Origin.
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers, deps.publicUrl, false)),
  });
  const presence = createPresence(io, live, log);

  live.onChange((snapshot) => {
    io.to(sessionRoom(snapshot.sessionId)).emit(serverEvents.snapshot, snapshot);
  });

  io.use(async (socket, next) => {
    try {
      const cookies = parseCookie(socket.handshake.headers.cookie ?? '');
      const user = await auth.userForToken(cookies[AUTH_COOKIE]);
      socket.data = { cookies, userId: user?.id ?? null, membership: null };
      next();
    } catch (err) {
      log.error({ err }, 'socket handshake failed');
      next(new Error('INTERNAL'));
    }
  });

  io.on('connection', (socket: VerkstedSocket) => {
    handle(socket, clientEvents.join, joinRequestSchema, async (req): Promise<Result<JoinResult>> => {
      if (req.as === 'facilitator') {
        if (!socket.data.userId) return fail('UNAUTHENTICATED', 'sign in first');
        const session = await live.byId(req.sessionId);
        if (!session || !(await projects.roleOf(session.projectId, socket.data.userId))) {
          return fail('NOT_FOUND', 'no such session for this user');
        }
        await enter(socket, { sessionId: session.id, role: 'facilitator', userId: socket.data.userId, participantId: null });
        return ok({ role: 'facilitator', participantId: null, displayName: null, snapshot: toSnapshot(session) });
      }
      const session = await live.openByCode(req.code);
      if (!session) return fail('NOT_FOUND', 'no open session with that code');
      const participant = await live.participantFor(session.id, socket.data.cookies[participantCookieName(session.id)]);
      if (!participant) return fail('NOT_JOINED', 'join over HTTP first');
      await enter(socket, { sessionId: session.id, role: 'participant', userId: null, participantId: participant.id });
      void live.touchParticipant(participant.id);
      return ok({
        role: 'participant',
        participantId: participant.id,
        displayName: participant.displayName,
        snapshot: toSnapshot(session),
      });
    }, log);

    handle(socket, clientEvents.command, commandRequestSchema, async (req) => {
      const m = socket.data.membership;
      if (!m || m.sessionId !== req.sessionId) return fail('NOT_JOINED', 'join the session first');
      const actor = m.role === 'facilitator' && m.userId
        ? { kind: 'facilitator' as const, userId: m.userId }
        : { kind: 'participant' as const, participantId: m.participantId ?? '' };
      const result = await live.command(req.sessionId, req.command, actor);
      return result.ok ? ok({ version: result.data.version }) : result;
    }, log);

    handle(socket, clientEvents.updateSelf, updateSelfRequestSchema, async (req) => {
      const m = socket.data.membership;
      if (!m?.participantId) return fail('NOT_JOINED', 'only participants have a display name');
      await live.rename(m.participantId, req.displayName);
      presence.changed(m.sessionId);
      return ok({ displayName: req.displayName });
    }, log);

    handle(socket, clientEvents.yjsToken, yjsTokenRequestSchema, async (req) => {
      const ref = parseYjsDocName(req.docName);
      if (!ref) return fail('NOT_FOUND', 'unknown document');
      const m = socket.data.membership;
      if (!m || m.sessionId !== ref.sessionId) return fail('FORBIDDEN', 'not in this session');
      const session = await live.byId(ref.sessionId);
      if (!session) return fail('NOT_FOUND', 'no such session');
      const subject = m.userId ? `u:${m.userId}` : `p:${m.participantId}`;
      // After the session ends, participants may still read but no longer write.
      const readOnly = session.status === 'ended' && m.role === 'participant';
      return ok(yjsTokens.issue({ d: req.docName, s: subject, ro: readOnly }));
    }, log);

    socket.on('disconnect', () => {
      const m = socket.data.membership;
      if (m) presence.changed(m.sessionId);
    });
  });

  async function enter(socket: VerkstedSocket, membership: Membership) {
    const previous = socket.data.membership;
    if (previous) {
      await socket.leave(sessionRoom(previous.sessionId));
      await socket.leave(facilitatorRoom(previous.sessionId));
      if (previous.sessionId !== membership.sessionId) presence.changed(previous.sessionId);
    }
    socket.data.membership = membership;
    await socket.join(sessionRoom(membership.sessionId));
    if (membership.role === 'facilitator') await socket.join(facilitatorRoom(membership.sessionId));
    presence.changed(membership.sessionId);
  }

  return io;
}
