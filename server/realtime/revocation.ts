import { fail, ok, type Result } from '@/lib/errors';
import { serverEvents, type AccessEndedCode } from '@/lib/protocol';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { AccessChange } from '../services/access-changes';
import { memberJudge } from './doc-access';
import { authRoom, roomsOf, sessionRoom, userRoom, type ContentAccess, type Membership, type VerkstedIo, type VerkstedSocket } from './rooms';

export { authRoom, userRoom } from './rooms';

/** A project member's membership, checked just now. */
export type CheckedMembership = Membership & { userId: string };

/**
 * Access that ends while connections are open. Removing a member, signing out and archiving a
 * project are published by the services (`accessChanges`); here open sockets and Yjs
 * connections are let go at once. As a safety net (another process, a missed notification),
 * every privileged event rechecks through `member` before it runs.
 */
export function createRevocation(io: VerkstedIo, services: Services, content: ContentAccess, log: Logger) {
  const { auth, live, projects } = services;

  /**
   * Takes a socket out of its session: out of the rooms (no more snapshots or results), its
   * membership cleared, and told why so the page shows a translated "access ended" state. A
   * socket of a signed-out session is closed as well; the client does not reconnect after that.
   */
  async function endAccess(socketId: string, code: AccessEndedCode): Promise<void> {
    const [socket] = await io.local.in(socketId).fetchSockets();
    if (!socket) return;
    const m = socket.data.membership;
    if (m) for (const room of roomsOf(m)) socket.leave(room);
    const local = io.sockets.sockets.get(socketId);
    if (local) local.data.membership = null;
    socket.emit(serverEvents.accessEnded, { sessionId: m?.sessionId ?? null, code });
    // Next turn: an event that found the sign-out itself still gets its answer first.
    if (code === 'UNAUTHENTICATED') setImmediate(() => socket.disconnect(true));
  }

  /** Ids of the sockets in a room whose membership `keep` picks (in every process, via the adapter). */
  async function socketsIn(room: string, keep: (m: Membership | null) => boolean): Promise<string[]> {
    const sockets = await io.local.in(room).fetchSockets();
    return sockets.filter((s) => keep(s.data.membership)).map((s) => s.id);
  }

  async function onChange(change: AccessChange): Promise<void> {
    switch (change.kind) {
      case 'member-removed': {
        const sessionIds = new Set(await live.sessionIdsOf(change.projectId));
        const subject = `u:${change.userId}`;
        content.closeWhere((c) => c.subject === subject && c.sessionId !== null && sessionIds.has(c.sessionId), 'access withdrawn');
        const ids = await socketsIn(userRoom(change.userId), (m) => m?.projectId === change.projectId);
        await Promise.all(ids.map((id) => endAccess(id, 'ACCESS_ENDED')));
        return;
      }
      case 'signed-out': {
        content.closeWhere((c) => c.auth === change.authKey, 'signed out');
        const ids = await socketsIn(authRoom(change.authKey), () => true);
        await Promise.all(ids.map((id) => endAccess(id, 'UNAUTHENTICATED')));
        return;
      }
      case 'project-archived': {
        const facts = await projects.accessFacts(change.projectId);
        for (const sessionId of await live.sessionIdsOf(change.projectId)) content.reauthorise(sessionId, memberJudge(facts));
        return;
      }
      case 'sessions-deleted': {
        // Everyone goes, participants, facilitators and the screen; their documents unload
        // once the last connection is closed (and store nothing: the session is gone).
        const gone = new Set(change.sessionIds);
        content.closeWhere((c) => c.sessionId !== null && gone.has(c.sessionId), 'session deleted');
        for (const sessionId of change.sessionIds) {
          const ids = await socketsIn(sessionRoom(sessionId), () => true);
          await Promise.all(ids.map((id) => endAccess(id, 'SESSION_DELETED')));
        }
        return;
      }
    }
  }

  services.accessChanges.subscribe((change) => {
    onChange(change).catch((err: unknown) => log.error({ err, change: change.kind }, 'revoking access failed'));
  });

  /** Whether the auth session this socket connected with is still signed in. */
  async function signedIn(socket: VerkstedSocket): Promise<boolean> {
    const { userId, authKey } = socket.data;
    return Boolean(userId && authKey && (await auth.isSignedIn(authKey, userId)));
  }

  /**
   * The one check before every privileged event: the caller joined as a project member, the
   * auth session it connected with is still signed in, and the user is still a member; with
   * `write`, the project is not archived either. A caller who lost access is let go as well.
   */
  async function member(socket: VerkstedSocket, need: 'read' | 'write'): Promise<Result<CheckedMembership>> {
    const m = socket.data.membership;
    if (!m?.userId) return fail('FORBIDDEN', 'project members only');
    if (!(await signedIn(socket))) {
      await endAccess(socket.id, 'UNAUTHENTICATED');
      return fail('UNAUTHENTICATED', 'signed out');
    }
    const access = await projects.memberAccess(m.projectId, m.userId);
    if (!access) {
      await endAccess(socket.id, 'ACCESS_ENDED');
      return fail('ACCESS_ENDED', 'no longer a member of the project');
    }
    if (need === 'write' && access.archived) return fail('PROJECT_ARCHIVED', 'the project is archived');
    return ok({ ...m, userId: m.userId });
  }

  return {
    member,
    signedIn,

    /**
     * After every committed change: user connections of people no longer in the project are
     * closed, and an archived project's documents become read-only. Only ever narrows, so an
     * older answer arriving late cannot undo a newer one.
     */
    recheckContent(sessionId: string, projectId: string): void {
      void projects
        .accessFacts(projectId)
        .then((facts) => content.reauthorise(sessionId, memberJudge(facts)))
        .catch((err: unknown) => log.error({ err, sessionId }, 'rechecking Yjs members failed'));
    },
  };
}
export type Revocation = ReturnType<typeof createRevocation>;
