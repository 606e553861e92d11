import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems } from '@/db/schema';
import { clientEvents, roundNotesDocName, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import type { SupervisionCommand } from '@/lib/supervision/engine';
import type { SupervisionOutcome } from '@/lib/supervision/outcome';
import { eventually } from '../../test/retry';
import { emitAck as emit, serverHarness, type TestSocket } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;

const agreement = {
  specific: 'Kari prøver ut ukentlige telefonsamtaler med brukeren',
  measurable: 'Fire samtaler gjennomført og notert',
  acknowledged: 'Gruppen spør hvordan det gikk',
  realistic: 'Passer inn i dagens oppfølging',
  deadline: '2026-12-08',
  evaluate: 'Neste kollegaveiledning',
};

describe('a kollegaveiledning over the realtime server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  async function meeting() {
    const { user, cookie } = await h.facilitator();
    const services = h.server.services;
    const project = await services.projects.create(user.id, { name: 'Arbeid først', description: '' });
    if (!project.ok) throw new Error(project.error.code);
    const projectId = project.data.id;
    const templates = await services.supervision.listTemplates(user.id, projectId);
    if (!templates.ok) throw new Error(templates.error.code);
    expect(templates.data.map((t) => t.builtinKey)).toEqual(['standard', 'reflecting_team', 'short']);
    const group = await services.supervision.createGroup(user.id, projectId, { name: 'NAV Nordby – veiledningsgruppe', templateId: templates.data[0]!.id });
    if (!group.ok) throw new Error(group.error.code);
    return { user, cookie, projectId, groupId: group.data.id };
  }

  async function open(userId: string, projectId: string, groupId: string) {
    const opened = await h.server.services.supervision.openMeeting(userId, projectId, groupId);
    if (!opened.ok) throw new Error(opened.error.code);
    const session = await h.server.services.live.byId(opened.data.sessionId);
    return session!;
  }

  it('runs the five rounds with turns, listening-only reflection, notes, and keeps the outcome', async () => {
    const { user, cookie, projectId, groupId } = await meeting();
    const db = h.server.services.database.db;
    const session = await open(user.id, projectId, groupId);
    expect(session.kind).toBe('kollegaveiledning');

    const leader = h.socket(cookie);
    await emit(leader, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const run = async (command: SupervisionCommand, from = leader) => {
      const r = await emit<{ version: number }>(from, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    };

    // A name is needed: the word is given by name.
    expect((await h.joinHttp(session.code, null)).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { displayName: 'REQUIRED' } } });
    const names = ['Kari', 'Ola', 'Aisha', 'Per'];
    const phones: { socket: TestSocket; id: string; snapshots: SnapshotView[]; outcomes: SupervisionOutcome[]; cookie: string }[] = [];
    for (const name of names) {
      const joined = await h.joinHttp(session.code, name);
      const socket = h.socket(joined.cookie);
      const snapshots: SnapshotView[] = [];
      const outcomes: SupervisionOutcome[] = [];
      socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      socket.on(serverEvents.supervisionOutcome, (o) => outcomes.push(o));
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: session.code });
      if (!join.ok) throw new Error('join');
      phones.push({ socket, id: join.data.participantId!, snapshots, outcomes, cookie: joined.cookie });
    }
    const [kari, ola, aisha, per] = phones as [typeof phones[0], typeof phones[0], typeof phones[0], typeof phones[0]];
    const latest = () => phones[0]!.snapshots.at(-1)!.state.supervision!;
    await eventually(() => expect(latest().members.map((m) => m.name)).toEqual(names));

    // Roles; participants cannot lead; the case owner writes the case, personal data refused.
    expect(await emit(ola.socket, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command: { type: 'next' } } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emit(leader, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command: { type: 'next' } } })).toMatchObject({ ok: false, error: { code: 'CASE_OWNER_MISSING' } });
    await run({ type: 'setRole', memberId: kari.id, role: 'case_owner' });
    await run({ type: 'setRole', memberId: per.id, role: 'referent' });
    const refused = await emit(kari.socket, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command: { type: 'setCase', case: { framlegg: 'Bruker med fnr 010190 12480', question: 'Hva gjør jeg?' } } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
    await run({ type: 'setCase', case: { framlegg: 'En bruker i 40-årene har stått utenfor arbeid lenge.', question: 'Hvordan holder jeg motivasjonen oppe?' } }, kari.socket);

    // Round 1, then a turn round: the word goes from one to the next.
    await run({ type: 'next' });
    await run({ type: 'next' });
    // Each phone finds itself in the queue by its own id; the others' ids it is never sent.
    await eventually(() => expect([ola, aisha, per].map((p, i) => p.snapshots.at(-1)?.state.supervision?.turn?.queue[i])).toEqual([ola.id, aisha.id, per.id]));
    expect(JSON.stringify(kari.snapshots.at(-1))).not.toContain(ola.id);
    expect(await emit(aisha.socket, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command: { type: 'turnPass' } } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await run({ type: 'turnPass' }, ola.socket);
    await eventually(() => expect(latest().turn?.index).toBe(1));
    // The template keeps its order: no jumping to the summary.
    expect(await emit(leader, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command: { type: 'goTo', index: 4 } } })).toMatchObject({ ok: false, error: { code: 'ROUND_ORDER' } });

    // Reflection: the case owner's notes are read-only, a participant writes.
    await run({ type: 'next' });
    const token = async (socket: TestSocket, roundId: string) => {
      const r = await emit<{ token: string }>(socket, clientEvents.yjsToken, { docName: roundNotesDocName(session.id, roundId) });
      if (!r.ok) throw new Error(r.error.code);
      return h.server.services.yjsTokens.verify(r.data.token);
    };
    expect(await token(kari.socket, 'refleksjon')).toMatchObject({ ro: true });
    expect(await token(aisha.socket, 'refleksjon')).toMatchObject({ ro: false });
    const r = await emit<{ token: string }>(aisha.socket, clientEvents.yjsToken, { docName: roundNotesDocName(session.id, 'refleksjon') });
    const doc = new Y.Doc();
    const provider = h.provider(roundNotesDocName(session.id, 'refleksjon'), doc, r.ok ? r.data.token : null);
    await eventually(() => expect(provider.synced).toBe(true));
    doc.getText('notes').insert(0, 'Motivasjon henger sammen med små mål.');

    // Summary: learning points and a SMART agreement, with the privacy guard.
    await run({ type: 'next' });
    expect(await emit(ola.socket, clientEvents.supervisionOutcome, { type: 'learningPoint', text: 'Tidlig' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await run({ type: 'next' });
    expect(await emit(ola.socket, clientEvents.supervisionOutcome, { type: 'learningPoint', text: 'Ring 912 34 567' })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
    expect(await emit(ola.socket, clientEvents.supervisionOutcome, { type: 'learningPoint', text: 'Små mål gir fart' })).toEqual({ ok: true, data: null });
    expect(await emit(kari.socket, clientEvents.supervisionOutcome, { type: 'agreement', agreement })).toEqual({ ok: true, data: null });
    expect(await emit(aisha.socket, clientEvents.supervisionOutcome, { type: 'agreement', agreement: { ...agreement, deadline: 'neste uke' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await eventually(() => expect(aisha.outcomes.at(-1)).toMatchObject({ learningPoints: [{ text: 'Små mål gir fart' }], agreements: [agreement] }));
    await run({ type: 'next' });
    expect(await emit(per.socket, clientEvents.supervisionOutcome, { type: 'evaluate', answers: { helpedCaseOwner: 4, safeClimate: 3 } })).toEqual({ ok: true, data: null });
    expect(await emit(per.socket, clientEvents.supervisionOutcome, { type: 'evaluate', answers: { helpedCaseOwner: 3, safeClimate: 3 } })).toEqual({ ok: true, data: null });

    const end = await emit(leader, clientEvents.command, { sessionId: session.id, command: { type: 'end' } });
    expect(end.ok).toBe(true);
    await eventually(async () => {
      const items = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id));
      const kinds = items.map((i) => i.kind).sort();
      expect(kinds).toEqual(['agreement', 'evaluation', 'evaluation', 'learning_point', 'round_notes', 'supervision_case']);
      expect(items.find((i) => i.kind === 'round_notes')).toMatchObject({ theme: 'Refleksjonsrunde', text: 'Motivasjon henger sammen med små mål.', projectId });
      expect(items.filter((i) => i.kind === 'evaluation').map((i) => [i.itemKey, i.value, i.authorKind]).sort()).toEqual([['helpedCaseOwner', 3, 'anonymous'], ['safeClimate', 3, 'anonymous']]);
    });

    // The group's next meeting opens with the agreements from this one.
    const next = await open(user.id, projectId, groupId);
    const state = next.state as { supervision: { previousAgreements: unknown[] } };
    expect(state.supervision.previousAgreements).toEqual([agreement]);
    const listed = await h.server.services.supervision.listGroups(user.id, projectId);
    expect(listed.ok && listed.data[0]).toMatchObject({ meetings: 2, openSessionId: next.id });
  });

  it('restores the same state, timer included, after a reconnect and a server restart', async () => {
    const { user, cookie, projectId, groupId } = await meeting();
    const session = await open(user.id, projectId, groupId);
    const leader = h.socket(cookie);
    await emit(leader, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const names = ['Kari', 'Ola', 'Aisha'];
    const cookies: string[] = [];
    for (const name of names) cookies.push((await h.joinHttp(session.code, name)).cookie);
    const ids: string[] = [];
    for (const c of cookies) {
      const s = h.socket(c);
      const j = await emit<JoinResult>(s, clientEvents.join, { as: 'participant', code: session.code });
      if (j.ok) ids.push(j.data.participantId!);
      s.disconnect();
    }
    const cmd = (command: SupervisionCommand) => emit(leader, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command } });
    await cmd({ type: 'setRole', memberId: ids[0]!, role: 'case_owner' });
    await cmd({ type: 'next' });
    await cmd({ type: 'next' });
    await cmd({ type: 'turnNext' });
    const before = (await h.server.services.live.byId(session.id))!;

    const port = h.server.port;
    await h.stop();
    await h.start(port);
    const again = h.socket(cookies[2]!);
    const join = await emit<JoinResult>(again, clientEvents.join, { as: 'participant', code: session.code });
    if (!join.ok) throw new Error('rejoin');
    expect(join.data.snapshot.version).toBe(before.version);
    // A member is sent the others by name only; the facilitator gets the state as it was stored.
    const state = join.data.snapshot.state;
    expect(state.supervision?.members.map((m) => [m.name, m.role])).toEqual(names.map((n, i) => [n, i === 0 ? 'case_owner' : 'participant']));
    expect(state.supervision?.members.map((m) => m.id)).toContain(ids[2]);
    expect(state.supervision?.timer).toEqual((before.state as typeof state).supervision?.timer);
    expect(state.supervision?.timer?.endsAt).toBeGreaterThan(Date.now());
    const facAgain = h.socket(cookie);
    const facJoin = await emit<JoinResult>(facAgain, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    expect(facJoin.ok && facJoin.data.snapshot.state).toEqual(before.state);
  });
});
