import type { Server as HttpServer } from 'node:http';
import { parseCookie } from 'cookie';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { AUTH_COOKIE, participantCookieName } from '@/lib/cookies';
import { fail, ok, type Result } from '@/lib/errors';
import type { LiveCommand } from '@/lib/live-session';
import {
  clientEvents,
  commandRequestSchema,
  joinRequestSchema,
  serverEvents,
  updateSelfRequestSchema,
  yjsTokenRequestSchema,
  type ClientToServerEvents,
  type JoinResult,
  type ServerToClientEvents,
} from '@/lib/protocol';
import type { Logger } from '../logger';
import { isSameOrigin } from '../security/origin';
import type { Services } from '../services';
import { toSnapshot } from '../services/live-service';
import { createPresence } from './presence';
import { createResultsBroadcast } from './results-broadcast';
import { handle } from './socket-handler';
import { authoriseDoc, docJudge } from './doc-access';
import { createQsortBroadcast, registerQsortHandlers } from './qsort-handlers';
import { createOutcomeBroadcast, registerSupervisionHandlers } from './supervision-handlers';
import { registerWorkshopHandlers } from './workshop-handlers';
import type { YjsServer } from './yjs-server';

const movesOn = (command: LiveCommand) =>
  command.type === 'end' || ((command.type === 'workshop' || command.type === 'supervision') && ['next', 'previous', 'goTo'].includes(command.command.type));

/** What a connection has joined; one live session at a time. */
export interface Membership {
  sessionId: string;
  role: 'facilitator' | 'participant' | 'presenter';
  userId: string | null;
  participantId: string | null;
}

export interface SocketData {
  cookies: Record<string, string | undefined>;
  userId: string | null;
  membership: Membership | null;
}

export type VerkstedIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type VerkstedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const sessionRoom = (sessionId: string) => `s:${sessionId}`;
export const facilitatorRoom = (sessionId: string) => `s:${sessionId}:f`;

/** What the control plane needs of the content plane: access follows the session's state. */
export type ContentAccess = Pick<YjsServer, 'reauthorise' | 'closeSubject'>;

/** The control plane. Handlers parse, identify the caller and call a service; nothing else. */
export function createSocketServer(httpServer: HttpServer, services: Services, log: Logger, content: ContentAccess): VerkstedIo {
  const { auth, live, projects, yjsTokens } = services;
  const io: VerkstedIo = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Leave other upgrade paths (/yjs/…) to their own handler instead of destroying them.
    destroyUpgrade: false,
    maxHttpBufferSize: 256 * 1024,
    // Cross-site WebSocket hijacking defence: a browser on another site always sends Origin
    // (`null` from sandboxed frames is refused too).
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers, services.config, false)),
  });
  const presence = createPresence(io, live, log);
  const results = createResultsBroadcast(io, services, log);
  const outcome = createOutcomeBroadcast(io, services, log);
  const qsortViews = createQsortBroadcast(io, services, log);

  live.onChange((snapshot) => {
    // Yjs write access follows every committed change (rounds, roles, locks, the end).
    content.reauthorise(snapshot.sessionId, docJudge(snapshot.sessionId, snapshot));
    io.to(sessionRoom(snapshot.sessionId)).emit(serverEvents.snapshot, snapshot);
    if (snapshot.state.workshop) results.changed(snapshot.sessionId);
    if (snapshot.state.qsort) qsortViews.screen(snapshot.sessionId);
    // A workshop entering its Q-sort activity: facilitators who joined before need the progress.
    if (snapshot.state.qsort && snapshot.state.workshop) qsortViews.progress(snapshot.sessionId);
  });

  // A participant who moved to another device: the old one's connections are let go.
  services.resume.onMoved((sessionId, participantId) => {
    content.closeSubject(`p:${participantId}`);
    void io
      .in(sessionRoom(sessionId))
      .fetchSockets()
      .then((sockets) => sockets.filter((s) => s.data.membership?.participantId === participantId).forEach((s) => s.disconnect(true)))
      .catch((err: unknown) => log.error({ err, sessionId }, 'letting go of a moved participant failed'));
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
      if (req.as === 'participant') {
        const session = await live.openByCode(req.code);
        if (!session) return fail('NOT_FOUND', 'no open session with that code');
        const participant = await live.participantFor(session.id, socket.data.cookies[participantCookieName(session.id)]);
        if (!participant) return fail('NOT_JOINED', 'join over HTTP first');
        await enter(socket, { sessionId: session.id, role: 'participant', userId: null, participantId: participant.id });
        void live.touchParticipant(participant.id);
        // Someone arriving during group work is seated at once; so is a kollegaveiledning member.
        const seated = await live.seat(session.id, participant.id, participant.displayName);
        const snapshot = seated ?? toSnapshot(session);
        // A reloaded phone sees revealed results at once, not only at the next change.
        if (snapshot.state.workshop) results.sendTo(socket, session.id, false);
        if (snapshot.state.supervision) outcome.sendTo(socket, session.id);
        if (snapshot.state.qsort) qsortViews.sendTo(socket, session.id, false);
        return ok({
          role: 'participant',
          participantId: participant.id,
          displayName: participant.displayName,
          authorKey: yjsTokens.authorKey(participant.id),
          snapshot,
        });
      }
      if (!socket.data.userId) return fail('UNAUTHENTICATED', 'sign in first');
      const session = await live.byId(req.sessionId);
      if (!session || !(await projects.roleOf(session.projectId, socket.data.userId))) return fail('NOT_FOUND', 'no such session for this user');
      await enter(socket, { sessionId: session.id, role: req.as, userId: socket.data.userId, participantId: null });
      const snapshot = toSnapshot(session);
      if (snapshot.state.workshop) results.sendTo(socket, session.id, req.as === 'facilitator');
      if (snapshot.state.supervision) outcome.sendTo(socket, session.id);
      if (snapshot.state.qsort) qsortViews.sendTo(socket, session.id, req.as === 'facilitator');
      return ok({ role: req.as, participantId: null, displayName: null, authorKey: null, snapshot });
    }, log);

    handle(socket, clientEvents.command, commandRequestSchema, async (req) => {
      const m = socket.data.membership;
      if (!m || m.sessionId !== req.sessionId || m.role === 'presenter') return fail('NOT_JOINED', 'join the session first');
      const actor = m.role === 'facilitator' && m.userId
        ? { kind: 'facilitator' as const, userId: m.userId }
        : { kind: 'participant' as const, participantId: m.participantId ?? '' };
      const connected = await presence.connectedParticipantIds(req.sessionId);
      const result = await live.command(req.sessionId, req.command, actor, connected);
      if (!result.ok) return result;
      if (movesOn(req.command)) archive(req.sessionId);
      return ok({ version: result.data.version });
    }, log);

    handle(socket, clientEvents.updateSelf, updateSelfRequestSchema, async (req) => {
      const m = socket.data.membership;
      if (!m?.participantId) return fail('NOT_JOINED', 'only participants have a display name');
      const renamed = await live.rename(m.sessionId, m.participantId, req.displayName);
      if (!renamed.ok) return renamed;
      await live.seat(m.sessionId, m.participantId, req.displayName);
      presence.changed(m.sessionId);
      return ok({ displayName: req.displayName });
    }, log);

    handle(socket, clientEvents.resumeLink, z.unknown(), async () => {
      const m = socket.data.membership;
      if (!m?.participantId) return fail('NOT_JOINED', 'only participants move devices');
      return services.resume.link(m.sessionId, m.participantId);
    }, log);

    handle(socket, clientEvents.yjsToken, yjsTokenRequestSchema, async (req) => {
      const m = socket.data.membership;
      if (!m) return fail('FORBIDDEN', 'join a session first');
      const access = await authoriseDoc(live, m, req.docName);
      if (!access.ok) return access;
      const subject = m.userId ? `u:${m.userId}` : `p:${m.participantId}`;
      return ok(yjsTokens.issue({ d: req.docName, s: subject, ro: access.data.readOnly }));
    }, log);

    registerWorkshopHandlers(socket, services, results, log);
    registerSupervisionHandlers(socket, services, outcome, log);
    registerQsortHandlers(socket, services, qsortViews, log);

    socket.on('disconnect', () => {
      const m = socket.data.membership;
      if (m) presence.changed(m.sessionId);
    });
  });

  /**
   * Boards and clusters, or a kollegaveiledning's case and round notes (also one run as a
   * workshop activity), become feedback items whenever the room moves on, and at the end.
   */
  function archive(sessionId: string) {
    void live
      .byId(sessionId)
      .then(async (session) => {
        if (!session) return 0;
        if (session.kind === 'kollegaveiledning') return services.supervisionOutcome.archive(session);
        const boards = await services.boardArchive.archive(session);
        const nested = toSnapshot(session).state.supervision ? await services.supervisionOutcome.archive(session) : 0;
        return boards + nested;
      })
      .catch((err: unknown) => log.error({ err, sessionId }, 'archiving boards failed'));
  }

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
