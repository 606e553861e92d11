import { eq } from 'drizzle-orm';
import { workshopViewOf } from '@/lib/workshop/view';
import { expect } from 'vitest';
import { statementSets, workshops } from '@/db/schema';
import { AUTH_COOKIE } from '@/lib/cookies';
import { clientEvents, roundNotesDocName, serverEvents, sessionNotesDocName, type JoinResult, type SessionSnapshot, type SnapshotView } from '@/lib/protocol';
import { myGroup } from '@/lib/live-view';
import { boardDocName, boardDraftDocName } from '@/lib/workshop/board';
import type { MatrixActor } from '@/server/security/access-matrix';
import { seedDemoProject } from '@/server/demo/seed-demo';
import { sortIn } from './qsort';
import { eventually } from './retry';
import { emitAck, serverHarness, type TestSocket } from './server-harness';

type Harness = ReturnType<typeof serverHarness>;
export const emit = emitAck;
const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));

/** A signed-in account: its cookie token, as a browser holds it. */
export interface Account {
  userId: string;
  token: string;
  cookie: string;
}

/** One actor's connection to a document kind's session: the socket asking for the token and the document's name. */
export interface DocTarget {
  docName: string;
  sockets: Partial<Record<MatrixActor, TestSocket>>;
}

/**
 * Two projects, each with a Q-sort session holding two finished sorts, and one socket per
 * actor of the access matrix in the state its name says: A's participant and facilitator joined
 * to A's session, B's to B's, the removed member's console let go, the signed-out user's tab
 * connected again with its stale cookie. Plus a workshop board and a kollegaveiledning round in
 * project A, for the Yjs document kinds.
 */
export async function buildAccessWorld(h: Harness) {
  const services = h.server.services;
  const db = services.database.db;
  const account = (token: string, userId: string): Account => ({ userId, token, cookie: `${AUTH_COOKIE}=${token}` });

  const first = await h.facilitator();
  const owner = account(first.cookie.slice(AUTH_COOKIE.length + 1), first.user.id);
  const projectA = await seedDemoProject(db, owner.userId);
  const second = await h.facilitator('b@nav.example');
  const other = account(second.cookie.slice(AUTH_COOKIE.length + 1), second.user.id);
  const projectB = await seedDemoProject(db, other.userId);
  const invitation = await services.auth.createInvitation(owner.userId, projectA);
  const registered = await services.auth.registerWithInvitation(invitation.token, { name: 'Fjernet', email: 'fjernet@nav.example', password: 'et-godt-passord' });
  if (!registered.ok) throw new Error(registered.error.code);
  const removed = account(registered.data.token, registered.data.user.id);
  const staleSession = await services.auth.signIn({ email: 'ingrid@nav.example', password: 'et-godt-passord' }, '10.9.9.9');
  if (!staleSession.ok) throw new Error(staleSession.error.code);
  const stale = account(staleSession.data.token, owner.userId);

  const qsortSession = async (userId: string, projectId: string) => {
    const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const opened = await services.qsort.open(userId, projectId, set!.id);
    if (!opened.ok) throw new Error(opened.error.code);
    const session = (await services.live.byId(opened.data.sessionId))!;
    for (const order of [ids, [...ids].reverse()]) {
      const { cookie } = await h.joinHttp(session.code, null);
      const phone = h.socket(cookie);
      expect(await emit(phone, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });
      expect(await emit(phone, clientEvents.qsortSave, { rev: 1, state: sortIn(order) })).toEqual({ ok: true, data: { status: 'done' } });
    }
    return session;
  };
  const sessionA = await qsortSession(owner.userId, projectA);
  const sessionB = await qsortSession(other.userId, projectB);

  const participant = async (code: string) => {
    const joined = await h.joinHttp(code, null);
    const socket = h.socket(joined.cookie);
    const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code });
    if (!join.ok) throw new Error(`participant join: ${join.error.code}`);
    return { socket, cookie: joined.cookie, id: join.data.participantId! };
  };
  const console = async (cookie: string, sessionId: string) => {
    const socket = h.socket(cookie);
    const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'facilitator', sessionId });
    if (!join.ok) throw new Error(`facilitator join: ${join.error.code}`);
    return socket;
  };

  const pA = await participant(sessionA.code);
  const pB = await participant(sessionB.code);
  const removedSocket = await console(removed.cookie, sessionA.id);
  const ended: unknown[] = [];
  removedSocket.on(serverEvents.accessEnded, (e) => ended.push(e));
  expect(await services.projects.removeMember(owner.userId, projectA, removed.userId)).toEqual({ ok: true, data: null });
  await eventually(() => expect(ended).toHaveLength(1));
  const staleSocket = await console(stale.cookie, sessionA.id);
  await services.auth.signOut(stale.token);
  await eventually(() => expect(staleSocket.connected).toBe(false));

  const sockets: Record<MatrixActor, TestSocket> = {
    anonymous: h.socket(''),
    participantA: pA.socket,
    participantB: pB.socket,
    facilitatorA: await console(owner.cookie, sessionA.id),
    facilitatorB: await console(other.cookie, sessionB.id),
    removedA: removedSocket,
    // The signed-out tab connecting again with the cookie it still has.
    signedOut: h.socket(stale.cookie),
  };
  /** The auth cookie token each actor's browser sends (participants have none). */
  const authTokens: Record<MatrixActor, string | undefined> = {
    anonymous: undefined,
    participantA: undefined,
    participantB: undefined,
    facilitatorA: owner.token,
    facilitatorB: other.token,
    removedA: removed.token,
    signedOut: stale.token,
  };
  /** Every cookie each actor's browser sends. */
  const cookies: Record<MatrixActor, string> = {
    anonymous: '',
    participantA: pA.cookie,
    participantB: pB.cookie,
    facilitatorA: owner.cookie,
    facilitatorB: other.cookie,
    removedA: removed.cookie,
    signedOut: stale.cookie,
  };

  /** A's Yjs document of each kind, with A's participant and facilitator joined to its session. */
  async function docTargets(): Promise<Record<'session-notes' | 'board' | 'draft' | 'round-notes', DocTarget>> {
    const common = { ...sockets };
    const notes: DocTarget = { docName: sessionNotesDocName(sessionA.id), sockets: common };

    const [workshop] = await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, projectA));
    /** A workshop session of A at its group reflection (silent writing first), with two phones. */
    async function reflection() {
      const ws = await services.live.open(owner.userId, projectA, { title: 'Verksted' }, { workshopId: workshop!.id });
      if (!ws.ok) throw new Error(ws.error.code);
      const wsFac = await console(owner.cookie, ws.data.id);
      const snapshots: SnapshotView[] = [];
      const wsPhone = await participant(ws.data.code);
      wsPhone.socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      await participant(ws.data.code);
      const activities = (await services.live.byId(ws.data.id))!.state as SessionSnapshot['state'];
      const index = activities.workshop!.activities.findIndex((a) => a.kind === 'reflection');
      const run = async (command: unknown) =>
        expect(await emit(wsFac, clientEvents.command, { sessionId: ws.data.id, command: { type: 'workshop', command } })).toMatchObject({ ok: true });
      await run({ type: 'goTo', index });
      await eventually(() => expect(snapshots.at(-1)?.state.workshop?.groups.length).toBeGreaterThan(0));
      const runtime = snapshots.at(-1)!.state.workshop!;
      // The phone is told its own group (never who else is in one).
      const group = myGroup(runtime)!;
      const sockets = { ...common, participantA: wsPhone.socket, facilitatorA: wsFac };
      return { sessionId: ws.data.id, activityId: workshopViewOf(runtime).agenda[index]!.id, group, phone: wsPhone, sockets, run };
    }
    // The board, once silent writing has ended (before that members only read it).
    const open = await reflection();
    await open.run({ type: 'endSilent' });
    const board: DocTarget = { docName: boardDocName(open.sessionId, open.activityId, open.group.id), sockets: open.sockets };
    // A member's private draft, while silent writing lasts.
    const silent = await reflection();
    const draft: DocTarget = {
      docName: boardDraftDocName(silent.sessionId, silent.activityId, silent.group.id, silent.phone.id),
      sockets: silent.sockets,
    };

    const templates = await services.supervision.listTemplates(owner.userId, projectA);
    if (!templates.ok) throw new Error(templates.error.code);
    const created = await services.supervision.createGroup(owner.userId, projectA, { name: 'Gruppe', templateId: templates.data[0]!.id });
    if (!created.ok) throw new Error(created.error.code);
    const meeting = await services.supervision.openMeeting(owner.userId, projectA, created.data.id);
    if (!meeting.ok) throw new Error(meeting.error.code);
    const meetingId = meeting.data.sessionId;
    const code = (await services.live.byId(meetingId))!.code;
    const lead = await console(owner.cookie, meetingId);
    const caseOwner = await h.joinHttp(code, 'Kari').then(async (j) => {
      const socket = h.socket(j.cookie);
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code });
      if (!join.ok) throw new Error('join');
      return { socket, id: join.data.participantId! };
    });
    const member = await h.joinHttp(code, 'Ola').then(async (j) => {
      const socket = h.socket(j.cookie);
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code });
      if (!join.ok) throw new Error('join');
      return socket;
    });
    const run = async (command: unknown, from = lead) =>
      expect(await emit(from, clientEvents.command, { sessionId: meetingId, command: { type: 'supervision', command } })).toMatchObject({ ok: true });
    await eventually(async () => expect(((await services.live.byId(meetingId))!.state as SessionSnapshot['state']).supervision?.members).toHaveLength(2));
    await run({ type: 'setRole', memberId: caseOwner.id, role: 'case_owner' });
    await run({ type: 'setCase', case: { framlegg: 'En sak.', question: 'Et spørsmål?' } }, caseOwner.socket);
    await run({ type: 'next' });
    const round: DocTarget = { docName: roundNotesDocName(meetingId, 'framlegg'), sockets: { ...common, participantA: member, facilitatorA: lead } };

    return { 'session-notes': notes, board, draft, 'round-notes': round };
  }

  return { services, owner, other, removed, stale, projectA, projectB, sessionA, sessionB, sockets, authTokens, cookies, participant, docTargets };
}
export type AccessWorld = Awaited<ReturnType<typeof buildAccessWorld>>;
