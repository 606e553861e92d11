import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authSessions, projectMembers, statementSets } from '@/db/schema';
import { AUTH_COOKIE } from '@/lib/cookies';
import { clientEvents, serverEvents, sessionNotesDocName, yjsCloseCodes, type SnapshotView } from '@/lib/protocol';
import { seedDemoProject } from '../demo/seed-demo';
import { authKeyOf } from '../services/auth-service';
import { sortIn } from '../../test/qsort';
import { eventually } from '../../test/retry';
import { emitAck as emit, serverHarness, type TestSocket } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;
const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
const analyse = { options: { factors: 1, extraction: 'pca', rotation: 'none' } };

/** One browser tab of a project member: its socket, what it was sent, and why its access ended. */
interface Console {
  socket: TestSocket;
  snapshots: SnapshotView[];
  ended: { code: string }[];
}

/**
 * Finding 2 of issue 9: removing a member, signing out, archiving and ending a session reach
 * connections that are already open, and every privileged event checks again when it runs.
 */
describe('revoking access on open connections', () => {
  let h: Harness;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  /** An owner's project (the demo one, for its statement sets) with a colleague in it and a plain and a Q-sort session. */
  async function project() {
    const owner = await h.facilitator();
    const services = h.server.services;
    const db = services.database.db;
    const projectId = await seedDemoProject(db, owner.user.id);
    const invitation = await services.auth.createInvitation(owner.user.id, projectId);
    const registered = await services.auth.registerWithInvitation(invitation.token, { name: 'Kollega', email: 'kollega@nav.example', password: 'et-godt-passord' });
    if (!registered.ok) throw new Error(registered.error.code);
    const colleague = { user: registered.data.user, cookie: `${AUTH_COOKIE}=${registered.data.token}`, authKey: authKeyOf(registered.data.token) };
    const plain = await services.live.open(owner.user.id, projectId, { title: 'Økt' });
    if (!plain.ok) throw new Error(plain.error.code);
    const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const qsort = await services.qsort.open(owner.user.id, projectId, set!.id);
    if (!qsort.ok) throw new Error(qsort.error.code);
    const qsortSession = (await services.live.byId(qsort.data.sessionId))!;
    return { owner, colleague, projectId, plain: plain.data, qsort: qsortSession };
  }

  async function console(cookie: string, sessionId: string, as: 'facilitator' | 'presenter' = 'facilitator'): Promise<Console> {
    const socket = h.socket(cookie);
    const snapshots: SnapshotView[] = [];
    const ended: { code: string }[] = [];
    socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
    socket.on(serverEvents.accessEnded, (e) => ended.push(e));
    const joined = await emit(socket, clientEvents.join, { as, sessionId });
    if (!joined.ok) throw new Error(`join: ${joined.error.code}`);
    return { socket, snapshots, ended };
  }

  async function finishTwoSorts(code: string) {
    for (const order of [ids, [...ids].reverse()]) {
      const { cookie } = await h.joinHttp(code, null);
      const phone = h.socket(cookie);
      expect(await emit(phone, clientEvents.join, { as: 'participant', code })).toMatchObject({ ok: true });
      expect(await emit(phone, clientEvents.qsortSave, { rev: 1, state: sortIn(order) })).toEqual({ ok: true, data: { status: 'done' } });
    }
  }

  async function notes(socket: TestSocket, docName: string) {
    const token = await emit<{ token: string }>(socket, clientEvents.yjsToken, { docName });
    if (!token.ok) throw new Error(`token: ${token.error.code}`);
    return editor(docName, token.data.token);
  }

  function editor(docName: string, token: string) {
    const doc = new Y.Doc();
    const provider = h.provider(docName, doc, token);
    const closes: number[] = [];
    provider.on('closed', (e) => closes.push(e.code));
    return { doc, provider, closes, write: (text: string) => doc.getText('notes').insert(doc.getText('notes').length, text) };
  }

  async function stored(docName: string): Promise<string> {
    const { state } = await h.server.services.yjsPersistence.fetch(docName);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return doc.getText('notes').toString();
  }

  const setMessage = (c: Console, sessionId: string, message: string) =>
    emit<{ version: number }>(c.socket, clientEvents.command, { sessionId, command: { type: 'setMessage', message } });

  it('a removed member loses snapshots, Yjs tokens, the open board connection, commands and the Q-sort analysis at once', async () => {
    const { owner, colleague, projectId, plain, qsort } = await project();
    await finishTwoSorts(qsort.code);
    const ownerConsole = await console(owner.cookie, plain.id);
    const removed = await console(colleague.cookie, plain.id);
    const removedQsort = await console(colleague.cookie, qsort.id);
    const docName = sessionNotesDocName(plain.id);
    const open = await notes(removed.socket, docName);
    await eventually(() => expect(open.provider.synced).toBe(true));
    open.write('Før fjerning.');
    await eventually(async () => expect(await stored(docName)).toBe('Før fjerning.'));
    expect(await emit(removedQsort.socket, clientEvents.qsortAnalyze, analyse)).toMatchObject({ ok: true });
    // A token fetched before the removal, kept for later.
    const leftover = await emit<{ token: string }>(removed.socket, clientEvents.yjsToken, { docName });
    if (!leftover.ok) throw new Error('token');

    expect(await h.server.services.projects.removeMember(owner.user.id, projectId, colleague.user.id)).toEqual({ ok: true, data: null });

    await eventually(() => expect(removed.ended).toEqual([{ sessionId: plain.id, code: 'ACCESS_ENDED' }]));
    await eventually(() => expect(removedQsort.ended).toEqual([{ sessionId: qsort.id, code: 'ACCESS_ENDED' }]));
    await eventually(() => expect(open.closes).toEqual([yjsCloseCodes.forbidden]));
    open.write('Etter fjerning.');
    // The room goes on; the removed member's tab hears nothing of it.
    const seen = removed.snapshots.length;
    expect(await setMessage(ownerConsole, plain.id, 'Videre')).toMatchObject({ ok: true });
    await eventually(() => expect(ownerConsole.snapshots.at(-1)?.state.message).toBe('Videre'));
    expect(removed.snapshots).toHaveLength(seen);
    expect(await setMessage(removed, plain.id, 'Kapret')).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    expect(await emit(removed.socket, clientEvents.yjsToken, { docName })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emit(removedQsort.socket, clientEvents.qsortAnalyze, analyse)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Joining again is refused, and the leftover token no longer admits.
    expect(await emit(removed.socket, clientEvents.join, { as: 'facilitator', sessionId: plain.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const late = editor(docName, leftover.data.token);
    await eventually(() => expect(late.closes).toEqual([yjsCloseCodes.forbidden]));
    expect(await stored(docName)).toBe('Før fjerning.');
  });

  it('without a notification (another server process), the next privileged event finds the removal itself', async () => {
    const { colleague, projectId, qsort } = await project();
    await finishTwoSorts(qsort.code);
    const removed = await console(colleague.cookie, qsort.id);
    // Removed behind the service's back: nothing is published, only the database changes.
    await h.server.services.database.db
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, colleague.user.id)));
    expect(removed.ended).toEqual([]);
    expect(await emit(removed.socket, clientEvents.qsortAnalyze, analyse)).toMatchObject({ ok: false, error: { code: 'ACCESS_ENDED' } });
    await eventually(() => expect(removed.ended).toEqual([{ sessionId: qsort.id, code: 'ACCESS_ENDED' }]));
    // Let go: no longer in the room either.
    expect(await emit(removed.socket, clientEvents.qsortResolveHelp, { sortId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('signing out closes every socket and Yjs connection opened with that auth session, and nothing else', async () => {
    const { owner, plain } = await project();
    const other = await console(owner.cookie, plain.id);
    // A second browser of the same user: its own auth session, untouched by the first signing out.
    const second = await h.server.services.auth.signIn({ email: 'ingrid@nav.example', password: 'et-godt-passord' }, '127.0.0.9');
    if (!second.ok) throw new Error(second.error.code);
    const secondConsole = await console(`${AUTH_COOKIE}=${second.data.token}`, plain.id);
    const docName = sessionNotesDocName(plain.id);
    const open = await notes(other.socket, docName);
    const keeps = await notes(secondConsole.socket, docName);
    await eventually(() => expect(open.provider.synced && keeps.provider.synced).toBe(true));

    await h.server.services.auth.signOut(owner.cookie.slice(AUTH_COOKIE.length + 1));

    await eventually(() => expect(other.ended).toEqual([{ sessionId: plain.id, code: 'UNAUTHENTICATED' }]));
    await eventually(() => expect(other.socket.connected).toBe(false));
    await eventually(() => expect(open.closes).toEqual([yjsCloseCodes.forbidden]));
    expect(await setMessage(secondConsole, plain.id, 'Fortsatt her')).toMatchObject({ ok: true });
    expect(keeps.closes).toEqual([]);
    expect(secondConsole.ended).toEqual([]);
  });

  it('a signed-out session\'s socket that missed the notification can no longer send commands', async () => {
    const { owner, plain } = await project();
    const stale = await console(owner.cookie, plain.id);
    expect(await setMessage(stale, plain.id, 'Før')).toMatchObject({ ok: true });
    // Deleted behind the service's back, as another process signing out would look from here.
    await h.server.services.database.db.delete(authSessions).where(eq(authSessions.id, owner.authKey));
    expect(await setMessage(stale, plain.id, 'Etter')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await eventually(() => expect(stale.socket.connected).toBe(false));
  });

  it('Yjs admits a user token only for a signed-in member of the session\'s project', async () => {
    const { owner, plain } = await project();
    const outsider = await h.facilitator('utenfor@nav.example');
    const docName = sessionNotesDocName(plain.id);
    const issue = (s: string, a?: string) => h.server.services.yjsTokens.issue(a ? { d: docName, s, a, ro: false } : { d: docName, s, ro: false }).token;
    // A signed-in user of another project, with a well-signed token for this document.
    const forged = editor(docName, issue(`u:${outsider.user.id}`, outsider.authKey));
    // A member's token without the auth session it was issued under, or under someone else's.
    const bare = editor(docName, issue(`u:${owner.user.id}`));
    const borrowed = editor(docName, issue(`u:${owner.user.id}`, outsider.authKey));
    await eventually(() => expect([forged.closes, bare.closes, borrowed.closes]).toEqual([[4403], [4403], [4403]]));
    const member = editor(docName, issue(`u:${owner.user.id}`, owner.authKey));
    await eventually(() => expect(member.provider.synced).toBe(true));
    expect(member.closes).toEqual([]);
  });

  it('archiving a project stops facilitator commands and downgrades its open Yjs connections to read-only', async () => {
    const { owner, colleague, projectId, plain } = await project();
    const ownerConsole = await console(owner.cookie, plain.id);
    const colleagueConsole = await console(colleague.cookie, plain.id);
    const docName = sessionNotesDocName(plain.id);
    const writer = await notes(colleagueConsole.socket, docName);
    const reader = await notes(ownerConsole.socket, docName);
    await eventually(() => expect(writer.provider.synced && reader.provider.synced).toBe(true));
    writer.write('Før arkivering.');
    await eventually(async () => expect(await stored(docName)).toBe('Før arkivering.'));

    expect(await h.server.services.projects.setArchived(owner.user.id, projectId, true)).toEqual({ ok: true, data: null });

    expect(await setMessage(ownerConsole, plain.id, 'Arkivert')).toMatchObject({ ok: false, error: { code: 'PROJECT_ARCHIVED' } });
    const fresh = await emit<{ token: string }>(ownerConsole.socket, clientEvents.yjsToken, { docName });
    if (!fresh.ok) throw new Error(fresh.error.code);
    const late = editor(docName, fresh.data.token);
    await eventually(() => expect(late.provider.synced).toBe(true));
    writer.write(' Etter arkivering.');
    late.write(' Sen.');
    // Both stay connected (they read) but nothing they send is applied: once every provider has
    // gone, the document is flushed and unloaded with what it had.
    await eventually(() => expect(reader.doc.getText('notes').toString()).toBe('Før arkivering.'));
    expect(writer.closes).toEqual([]);
    for (const e of [writer, reader, late]) e.provider.destroy();
    await eventually(() => expect(h.server.yjs.openDocuments()).toEqual([]));
    expect(await stored(docName)).toBe('Før arkivering.');
  });

  it('ending a session makes participants\' Yjs connections read-only and refuses their commands', async () => {
    const { owner, plain } = await project();
    const ownerConsole = await console(owner.cookie, plain.id);
    const { cookie } = await h.joinHttp(plain.code, 'Kari');
    const phone = h.socket(cookie);
    expect(await emit(phone, clientEvents.join, { as: 'participant', code: plain.code })).toMatchObject({ ok: true });
    const docName = sessionNotesDocName(plain.id);
    const kari = await notes(phone, docName);
    const lead = await notes(ownerConsole.socket, docName);
    await eventually(() => expect(kari.provider.synced && lead.provider.synced).toBe(true));
    kari.write('Kari før slutt.');
    await eventually(async () => expect(await stored(docName)).toBe('Kari før slutt.'));

    expect(await emit(ownerConsole.socket, clientEvents.command, { sessionId: plain.id, command: { type: 'end' } })).toMatchObject({ ok: true });
    await eventually(() => expect(ownerConsole.snapshots.at(-1)?.status).toBe('ended'));
    kari.write(' Etter slutt.');
    expect(await emit(phone, clientEvents.command, { sessionId: plain.id, command: { type: 'supervision', command: { type: 'next' } } })).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    lead.write(' [markør]');
    await eventually(async () => expect(await stored(docName)).toContain('[markør]'));
    for (const e of [kari, lead]) e.provider.destroy();
    await eventually(() => expect(h.server.yjs.openDocuments()).toEqual([]));
    expect(await stored(docName)).toBe('Kari før slutt. [markør]');
  });
});
