import type { Server as HttpServer } from 'node:http';
import { parseCookie } from 'cookie';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { AUTH_COOKIE, participantCookieName } from '@/lib/cookies';
import { fail, ok, type Result } from '@/lib/errors';
import { clientEvents, serverEvents, type JoinResult } from '@/lib/protocol';
import type { Logger } from '../logger';
import type { RedisLink } from '../redis';
import { addressKey } from '../security/client-address';
import { requestSource } from '../security/forwarded';
import { isSameOrigin } from '../security/origin';
import type { Services } from '../services';
import { authKeyOf } from '../services/auth-service';
import { deviceKey } from '../security/tokens';
import { rateLimited } from '../services/limits-service';
import { toSnapshot } from '../services/live-service';
import { createAudienceViews } from './audience';
import { heartbeat } from './heartbeat';
import { createPresence } from './presence';
import { createResultsBroadcast } from './results-broadcast';
import { createMineBroadcast } from './mine-broadcast';
import { handleEvent } from './socket-handler';
import { authoriseDoc, docJudge } from './doc-access';
import { createQsortBroadcast, registerQsortHandlers } from './qsort-handlers';
import { createRevocation } from './revocation';
import { authRoom, facilitatorRoom, roomsOf, sessionRoom, userRoom, type ContentAccess, type Membership, type VerkstedIo, type VerkstedSocket } from './rooms';
import { createOutcomeBroadcast, registerSupervisionHandlers } from './supervision-handlers';
import { registerWorkshopHandlers } from './workshop-handlers';
import { createModeration } from './moderation';
import { registerModerationHandlers } from './moderation-handlers';

// Moved to the leaf module ./rooms (no import cycle); kept here for existing importers.
export { facilitatorRoom, sessionRoom, type ContentAccess, type Membership, type SocketData, type VerkstedIo, type VerkstedSocket } from './rooms';

/**
 * The control plane. Handlers parse, identify the caller and call a service; nothing else.
 *
 * With Redis, socket.io's Redis adapter joins the processes: presence is counted over every
 * process's sockets and sent to all of them. What each process learns from the bus (committed
 * states, answers, access changes) it sends only to its own connections (`io.local`), reading
 * from the database what each audience may see, so nothing goes out twice.
 */
export function createSocketServer(httpServer: HttpServer, services: Services, log: Logger, content: ContentAccess, redis?: RedisLink | null): VerkstedIo {
  const { auth, live, projects, yjsTokens } = services;
  const io: VerkstedIo = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Leave other upgrade paths (/yjs/…) to their own handler instead of destroying them.
    destroyUpgrade: false,
    maxHttpBufferSize: 256 * 1024,
    // A phone that lost the network leaves presence within seconds, not 45 s (see heartbeat.ts).
    pingInterval: heartbeat.pingIntervalMs,
    pingTimeout: heartbeat.pingTimeoutMs,
    // Cross-site WebSocket hijacking defence: a browser on another site always sends Origin
    // (`null` from sandboxed frames is refused too).
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers, services.config, false)),
    ...(redis ? { adapter: createAdapter(redis.pub, redis.adapterSub, { key: 'verksted:socket.io' }) } : {}),
  });
  const presence = createPresence(io, live, log);
  const results = createResultsBroadcast(io, services, log);
  const outcome = createOutcomeBroadcast(io, services, log);
  const qsortViews = createQsortBroadcast(io, services, log);
  const mine = createMineBroadcast(io, services, log, (sessionId) => presence.connectedParticipantIds(sessionId, 'here'));
  const access = createRevocation(io, services, content, log);
  const views = createAudienceViews(services.config.sessionSecret);
  const moderation = createModeration(services, content, {
    refresh(sessionId) {
      void live
        .byId(sessionId)
        .then((session) => {
          const state = session ? toSnapshot(session).state : null;
          if (state?.workshop) results.changed(sessionId);
          if (state?.supervision) outcome.changed(sessionId);
          if (state?.qsort) qsortViews.progress(sessionId);
        })
        .catch((err: unknown) => log.error({ err, sessionId }, 'refreshing after a removal failed'));
    },
    answersChanged(sessionId, participantIds) {
      mine.redacted(sessionId, participantIds);
    },
  });

  services.archive.onStatus((status) => {
    io.local.to(facilitatorRoom(status.sessionId)).emit(serverEvents.archiveStatus, status);
  });

  services.archive.waitForContent((sessionId) => content.settled(sessionId));

  live.onChange((snapshot) => {
    // Yjs write access follows every committed change (rounds, roles, locks, the end).
    content.reauthorise(snapshot.sessionId, docJudge(snapshot.sessionId, snapshot));
    access.recheckContent(snapshot.sessionId, snapshot.projectId);
    views.broadcast(io, snapshot);
    // Every process hears of the commit, so each refreshes its own connections (`here`).
    if (snapshot.state.workshop) results.changed.here(snapshot.sessionId);
    if (snapshot.state.qsort) qsortViews.screen.here(snapshot.sessionId);
    // A workshop entering its Q-sort activity: facilitators who joined before need the progress.
    if (snapshot.state.qsort && snapshot.state.workshop) qsortViews.progress.here(snapshot.sessionId);
  });

  // A participant who moved to another device: the old one's connections are let go, and the
  // old page is told why, so it stops taking input instead of waiting to reconnect.
  services.resume.onMoved((sessionId, participantId) => {
    content.closeWhere((c) => c.subject === `p:${participantId}`, 'moved to another device');
    void io.local
      .in(sessionRoom(sessionId))
      .fetchSockets()
      .then((sockets) =>
        sockets
          .filter((s) => s.data.membership?.participantId === participantId)
          .forEach((s) => {
            s.emit(serverEvents.accessEnded, { sessionId, code: 'DEVICE_MOVED' });
            setImmediate(() => s.disconnect(true));
          }),
      )
      .catch((err: unknown) => log.error({ err, sessionId }, 'letting go of a moved participant failed'));
  });

  io.use(async (socket, next) => {
    try {
      const cookies = parseCookie(socket.handshake.headers.cookie ?? '');
      const token = cookies[AUTH_COOKIE];
      const user = await auth.userForToken(token);
      const authKey = user && token ? authKeyOf(token) : null;
      socket.data = { cookies, userId: user?.id ?? null, authKey, membership: null };
      if (user && authKey) await socket.join([userRoom(user.id), authRoom(authKey)]);
      next();
    } catch (err) {
      log.error({ err }, 'socket handshake failed');
      next(new Error('INTERNAL'));
    }
  });

  io.on('connection', (socket: VerkstedSocket) => {
    handleEvent(socket, clientEvents.join, async (req): Promise<Result<JoinResult>> => {
      // Behind a trusted proxy the TCP peer is the proxy: count the client it names instead.
      const { clientIp } = requestSource(socket.handshake.headers, socket.handshake.address, services.config.trustProxy);
      if (!(await services.limits.take('socketJoinsPerAddress', addressKey(clientIp)))) return rateLimited();
      if (req.as === 'participant') {
        const found = await services.codes.find(req.code, clientIp);
        if (!found.ok) return found;
        const session = found.data;
        const participant = await live.participantFor(session.id, socket.data.cookies[participantCookieName(session.id)]);
        if (!participant) return fail('NOT_JOINED', 'join over HTTP first');
        await enter(socket, { sessionId: session.id, projectId: session.projectId, role: 'participant', userId: null, participantId: participant.id });
        void live.touchParticipant(participant.id);
        const seated = await services.sessionCommands.arrive(session.id, participant.id, participant.displayName);
        const snapshot = views.snapshotFor(seated ?? toSnapshot(session), { role: 'participant', participantId: participant.id });
        // A reloaded phone sees revealed results at once, not only at the next change.
        if (snapshot.state.workshop) {
          results.sendTo(socket, session.id, false);
          mine.sendTo(socket, session.id, participant.id);
        }
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
      if (!socket.data.userId || !(await access.signedIn(socket))) return fail('UNAUTHENTICATED', 'sign in first');
      const session = await live.byId(req.sessionId);
      if (!session || !(await projects.roleOf(session.projectId, socket.data.userId))) return fail('NOT_FOUND', 'no such session for this user');
      await enter(socket, { sessionId: session.id, projectId: session.projectId, role: req.as, userId: socket.data.userId, participantId: null });
      const snapshot = views.snapshotFor(toSnapshot(session), { role: req.as });
      if (snapshot.state.workshop) results.sendTo(socket, session.id, req.as === 'facilitator');
      if (snapshot.state.supervision) outcome.sendTo(socket, session.id);
      if (snapshot.state.qsort) qsortViews.sendTo(socket, session.id, req.as === 'facilitator');
      const archived = services.archive.status(session);
      if (archived && req.as === 'facilitator') socket.emit(serverEvents.archiveStatus, archived);
      return ok({ role: req.as, participantId: null, displayName: null, authorKey: null, snapshot });
    }, log);

    handleEvent(socket, clientEvents.command, async (req) => {
      const m = socket.data.membership;
      if (!m || m.sessionId !== req.sessionId || m.role === 'presenter') return fail('NOT_JOINED', 'join the session first');
      const member = m.role === 'facilitator' ? await access.member(socket, 'write') : null;
      if (member && !member.ok) return member;
      const actor = member
        ? { kind: 'facilitator' as const, userId: member.data.userId }
        : { kind: 'participant' as const, participantId: m.participantId ?? '' };
      // Asked for only by a command that forms groups or seats people: it crosses processes.
      const connected = () => presence.connectedParticipantIds(req.sessionId);
      const result = await services.sessionCommands.run(req.sessionId, req.command, actor, connected);
      if (!result.ok) return result;
      // Each phone's own answers for the new step come with it, instead of every phone asking.
      // Only this process's phones: the others push to theirs when the bus tells them.
      if (result.data.stepChanged) mine.stepChanged(req.sessionId, await presence.connectedParticipantIds(req.sessionId, 'here'));
      return ok({ version: result.data.snapshot.version });
    }, log);

    handleEvent(socket, clientEvents.archiveRetry, async (req) => {
      const m = socket.data.membership;
      if (!m || m.sessionId !== req.sessionId || m.role !== 'facilitator') return fail('FORBIDDEN', 'facilitators of this session only');
      const member = await access.member(socket, 'write');
      if (!member.ok) return member;
      return ok(await services.archive.archive(req.sessionId));
    }, log);

    handleEvent(socket, clientEvents.updateSelf, async (req) => {
      const m = socket.data.membership;
      if (!m?.participantId) return fail('NOT_JOINED', 'only participants have a display name');
      const renamed = await services.sessionCommands.rename(m.sessionId, m.participantId, req.displayName);
      if (renamed.ok) presence.changed(m.sessionId);
      return renamed;
    }, log);

    handleEvent(socket, clientEvents.resumeLink, async () => {
      const m = socket.data.membership;
      if (!m?.participantId) return fail('NOT_JOINED', 'only participants move devices');
      return services.resume.link(m.sessionId, m.participantId);
    }, log);

    handleEvent(socket, clientEvents.yjsToken, async (req) => {
      const m = socket.data.membership;
      if (!m) return fail('FORBIDDEN', 'join a session first');
      const member = m.userId ? await access.member(socket, 'read') : null;
      if (member && !member.ok) return member;
      const allowed = await authoriseDoc(live, m, req.docName);
      if (!allowed.ok) return allowed;
      // A token names the sign-in it was issued under (a user's auth session, a participant's
      // device), so signing out or moving to another device ends its connections too.
      const issued = member
        ? { d: req.docName, s: `u:${member.data.userId}`, a: socket.data.authKey ?? '', ro: allowed.data.readOnly }
        : { d: req.docName, s: `p:${m.participantId}`, a: deviceKey(socket.data.cookies[participantCookieName(m.sessionId)] ?? ''), ro: allowed.data.readOnly };
      // Notes on a board carry a key for that board only (null for others and for facilitators).
      const authorKey = member ? null : yjsTokens.boardAuthorKey(m.participantId ?? '', req.docName);
      return ok({ ...yjsTokens.issue(issued), authorKey });
    }, log);

    registerWorkshopHandlers(socket, services, access, results, log);
    registerSupervisionHandlers(socket, services, access, outcome, log);
    registerQsortHandlers(socket, services, access, qsortViews, log);
    registerModerationHandlers(socket, moderation, access, log);

    socket.on('disconnect', () => {
      const m = socket.data.membership;
      if (m) presence.changed(m.sessionId);
    });
  });

  async function enter(socket: VerkstedSocket, membership: Membership) {
    const previous = socket.data.membership;
    if (previous) {
      for (const room of roomsOf(previous)) await socket.leave(room);
      if (previous.sessionId !== membership.sessionId) presence.changed(previous.sessionId);
    }
    socket.data.membership = membership;
    await socket.join(roomsOf(membership));
    presence.changed(membership.sessionId);
  }

  return io;
}
