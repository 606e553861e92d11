import { eq } from 'drizzle-orm';
import { workshopViewOf } from '@/lib/workshop/view';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workshops } from '@/db/schema';
import { myGroup } from '@/lib/live-view';
import { clientEvents, roundNotesDocName, serverEvents, sessionNotesDocName, yjsCloseCodes, type JoinResult, type SnapshotView } from '@/lib/protocol';
import type { SupervisionCommand } from '@/lib/supervision/engine';
import { addNote, boardDocName, readNotes } from '@/lib/workshop/board';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { seedDemoProject } from '../demo/seed-demo';
import { eventually } from '../../test/retry';
import { emitAck as emit, serverHarness, type TestSocket } from '../../test/server-harness';
import { openSupervisionMeeting } from '../../test/workshop-room';

type Harness = ReturnType<typeof serverHarness>;

interface Phone {
  socket: TestSocket;
  id: string;
  cookie: string;
  snapshots: SnapshotView[];
}

/** A provider with its document, as one device has it open. */
interface Editor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: number[];
  write(text: string): void;
  text(): string;
}

/**
 * Yjs write access follows the session: it is rechecked after every committed change, and a
 * participant who moves to another device loses the old device's connections.
 */
describe('Yjs access after the session changes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  async function token(socket: TestSocket, docName: string) {
    const r = await emit<{ token: string }>(socket, clientEvents.yjsToken, { docName });
    if (!r.ok) throw new Error(r.error.code);
    return { token: r.data.token, ro: h.server.services.yjsTokens.verify(r.data.token)!.ro };
  }

  async function open(socket: TestSocket, docName: string): Promise<Editor> {
    const doc = new Y.Doc();
    const provider = h.provider(docName, doc, (await token(socket, docName)).token);
    const closes: number[] = [];
    provider.on('closed', (e) => closes.push(e.code));
    await eventually(() => expect(provider.synced).toBe(true));
    // Looked up on use: a board holds a Y.Array under the same name.
    const notes = () => doc.getText('notes');
    return { doc, provider, closes, write: (text) => notes().insert(notes().length, text), text: () => notes().toString() };
  }

  /** The copy the server keeps (what was appended to the database). */
  async function stored(docName: string): Promise<string> {
    const { state } = await h.server.services.yjsPersistence.fetch(docName);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return doc.getText('notes').toString();
  }

  let pings = 0;
  /**
   * Waits until the server has handled everything `from` sent so far, then until it stored all
   * it took: `from` sends an awareness change after its edits (same socket, so handled after
   * them), and once `writer` sees it, `writer` adds a marker. Updates are stored one at a time in
   * arrival order, so once the marker is stored, an edit the server took from `from` is too.
   */
  async function settled(docName: string, from: Editor, writer: Editor): Promise<void> {
    const ping = ++pings;
    from.provider.awareness.setLocalStateField('ping', ping);
    await eventually(() => expect(writer.provider.awareness.getStates().get(from.doc.clientID)).toMatchObject({ ping }));
    writer.write(`[${ping}]`);
    await eventually(async () => expect(await stored(docName)).toContain(`[${ping}]`));
  }

  async function phones(code: string, names: (string | null)[]): Promise<Phone[]> {
    const out: Phone[] = [];
    for (const name of names) {
      const joined = await h.joinHttp(code, name);
      const socket = h.socket(joined.cookie);
      const snapshots: SnapshotView[] = [];
      socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code });
      if (!join.ok) throw new Error('join');
      out.push({ socket, id: join.data.participantId!, cookie: joined.cookie, snapshots });
    }
    return out;
  }

  const commander = (socket: TestSocket, sessionId: string) => ({
    supervision: async (command: SupervisionCommand, from = socket) => {
      const r = await emit<{ version: number }>(from, clientEvents.command, { sessionId, command: { type: 'supervision', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    },
    workshop: async (command: WorkshopCommand) => {
      const r = await emit<{ version: number }>(socket, clientEvents.command, { sessionId, command: { type: 'workshop', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    },
  });

  it('kollegaveiledning: round notes stop taking edits when the round moves on, on demotion and at the end', async () => {
    const { user, cookie } = await h.facilitator();
    const session = await openSupervisionMeeting(h, user.id);
    const sessionId = session.id;

    const leader = h.socket(cookie);
    await emit(leader, clientEvents.join, { as: 'facilitator', sessionId });
    const [kari, ola, per] = (await phones(session.code, ['Kari', 'Ola', 'Per'])) as [Phone, Phone, Phone];
    await eventually(() => expect(kari.snapshots.at(-1)?.state.supervision?.members).toHaveLength(3));
    const run = commander(leader, sessionId).supervision;
    await run({ type: 'setRole', memberId: kari.id, role: 'case_owner' });
    await run({ type: 'setRole', memberId: per.id, role: 'referent' });
    await run({ type: 'setCase', case: { framlegg: 'En bruker som ikke møter opp.', question: 'Hvordan få kontakt?' } }, kari.socket);
    await run({ type: 'next' }); // the case presentation: everyone writes its notes

    const framlegg = roundNotesDocName(sessionId, 'framlegg');
    const lead = await open(leader, framlegg);
    const olaNotes = await open(ola.socket, framlegg);
    const perNotes = await open(per.socket, framlegg);
    olaNotes.write('Ola skriver.');
    perNotes.write('Per skriver.');
    await eventually(async () => expect(await stored(framlegg)).toContain('Ola skriver.'));
    await eventually(async () => expect(await stored(framlegg)).toContain('Per skriver.'));
    const spare = await token(ola.socket, framlegg);
    expect(spare.ro).toBe(false);

    // On to the questions: Ola's open connection to the past round no longer writes; the
    // referent's still does (the referent writes every round).
    await run({ type: 'next' });
    olaNotes.write('For sent.');
    perNotes.write('Referenten igjen.');
    await settled(framlegg, olaNotes, lead);
    await settled(framlegg, perNotes, lead);
    expect(await stored(framlegg)).not.toContain('For sent.');
    expect(lead.text()).not.toContain('For sent.');
    expect(await stored(framlegg)).toContain('Referenten igjen.');
    expect(olaNotes.closes).toEqual([]); // still reads
    // A writable token fetched before the change is checked again when it connects.
    const late = new Y.Doc();
    const lateProvider = h.provider(framlegg, late, spare.token);
    await eventually(() => expect(lateProvider.synced).toBe(true));
    const lateEditor: Editor = { doc: late, provider: lateProvider, closes: [], write: (t) => late.getText('notes').insert(0, t), text: () => late.getText('notes').toString() };
    lateEditor.write('Gammel billett.');
    await settled(framlegg, lateEditor, lead);
    expect(await stored(framlegg)).not.toContain('Gammel billett.');

    // A fresh token for the current round writes.
    const sporsmal = roundNotesDocName(sessionId, 'sporsmal');
    expect((await token(ola.socket, framlegg)).ro).toBe(true);
    expect((await token(ola.socket, sporsmal)).ro).toBe(false);
    const olaNow = await open(ola.socket, sporsmal);
    const leadNow = await open(leader, sporsmal);
    olaNow.write('Et spørsmål.');
    await eventually(async () => expect(await stored(sporsmal)).toContain('Et spørsmål.'));

    // Demoted, the former referent's connection to the past round stops writing.
    await run({ type: 'setRole', memberId: per.id, role: 'participant' });
    perNotes.write('Ikke lenger referent.');
    await settled(framlegg, perNotes, lead);
    expect(await stored(framlegg)).not.toContain('Ikke lenger referent.');

    // After the end nothing writes round notes, the leader included.
    await emit(leader, clientEvents.command, { sessionId, command: { type: 'end' } });
    await eventually(() => expect(kari.snapshots.at(-1)?.status).toBe('ended'));
    olaNow.write('Etter slutt.');
    leadNow.write('Lederen etter slutt.');
    // Once every provider has gone, the document is unloaded after a last flush: all it took is stored.
    for (const e of [lead, olaNotes, perNotes, lateEditor, olaNow, leadNow]) e.provider.destroy();
    await eventually(() => expect(h.server.yjs.openDocuments()).toEqual([]));
    expect(await stored(sporsmal)).toBe('Et spørsmål.');
  });

  it('workshop: a nested kollegaveiledning writes round notes only while it is the current step', async () => {
    const { user, cookie } = await h.facilitator();
    const services = h.server.services;
    const db = services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const created = await services.workshops.create(user.id, projectId, { title: 'Verksted 2' });
    if (!created.ok) throw new Error(created.error.code);
    const templates = await services.supervision.listTemplates(user.id, projectId);
    if (!templates.ok) throw new Error(templates.error.code);
    const added = await services.workshops.addActivity(user.id, created.data.id, { kind: 'supervision', title: 'Kollegaveiledning', config: { templateId: templates.data[0]!.id } });
    if (!added.ok) throw new Error(added.error.code);
    const opened = await services.live.open(user.id, projectId, { title: 'Verksted 2' }, { workshopId: created.data.id });
    if (!opened.ok) throw new Error(opened.error.code);
    const sessionId = opened.data.id;

    const fac = h.socket(cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId });
    const run = commander(fac, sessionId);
    const [owner, member] = (await phones(opened.data.code, [null, null])) as [Phone, Phone];
    await run.workshop({ type: 'goTo', index: 4 });
    await eventually(() => expect(member.snapshots.at(-1)?.state.supervision?.members).toHaveLength(2));
    await run.supervision({ type: 'setRole', memberId: owner.id, role: 'case_owner' });
    await run.supervision({ type: 'setCase', case: { framlegg: 'En sak.', question: 'Et spørsmål?' } }, owner.socket);
    await run.supervision({ type: 'next' });

    const framlegg = roundNotesDocName(sessionId, 'framlegg');
    const notes = await open(member.socket, framlegg);
    const board = await open(fac, framlegg);
    notes.write('Mens vi er her.');
    await eventually(async () => expect(await stored(framlegg)).toContain('Mens vi er her.'));

    // The room moves to another step: the open connection stops writing, new tokens read only.
    await run.workshop({ type: 'goTo', index: 3 });
    expect((await token(member.socket, framlegg)).ro).toBe(true);
    expect((await token(fac, framlegg)).ro).toBe(true);
    notes.write('Fra et annet steg.');
    board.write('Heller ikke lederen.');
    // Nobody writes now: once every provider has gone, the document is flushed and unloaded.
    for (const e of [notes, board]) e.provider.destroy();
    await eventually(() => expect(h.server.yjs.openDocuments()).toEqual([]));
    expect(await stored(framlegg)).toBe('Mens vi er her.');

    // Back to the kollegaveiledning: the same round, writable again with a fresh token.
    await run.workshop({ type: 'goTo', index: 4 });
    expect((await token(member.socket, framlegg)).ro).toBe(false);
  });

  it('workshop board: locking input stops an open connection from adding notes', async () => {
    const { user, cookie } = await h.facilitator();
    const db = h.server.services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const opened = await h.server.services.live.open(user.id, projectId, { title: 'Verksted' }, { workshopId: await firstWorkshopId(projectId) });
    if (!opened.ok) throw new Error(opened.error.code);
    const sessionId = opened.data.id;
    const fac = h.socket(cookie);
    const joined = await emit<JoinResult>(fac, clientEvents.join, { as: 'facilitator', sessionId });
    if (!joined.ok) throw new Error('join');
    const run = commander(fac, sessionId).workshop;
    const [a] = (await phones(opened.data.code, [null, null])) as [Phone, Phone];
    const reflection = workshopViewOf(joined.data.snapshot.state.workshop!).agenda.findIndex((x) => x.kind === 'reflection');
    await run({ type: 'goTo', index: reflection });
    // The demo's reflection starts with silent writing, when members write drafts, not the board.
    await run({ type: 'endSilent' });
    await eventually(() => expect(a.snapshots.at(-1)?.state.workshop?.silent).toBe(false));
    const runtime = a.snapshots.at(-1)!.state.workshop!;
    const groupId = myGroup(runtime)!.id;
    const docName = boardDocName(sessionId, workshopViewOf(runtime).agenda[reflection]!.id, groupId);

    const phone = await open(a.socket, docName);
    const screen = await open(fac, docName);
    // A member's notes carry their key for this board; the server refuses any other.
    const memberKey = h.server.services.yjsTokens.boardAuthorKey(a.id, docName)!;
    const note = (id: string, text: string, authorKey = memberKey) => ({ id, text, colour: 'yellow' as const, authorKind: 'anonymous' as const, authorName: null, authorKey, createdAt: 1 });
    addNote(phone.doc, note('n1', 'Før låsing'));
    await eventually(() => expect(readNotes(screen.doc).map((n) => n.id)).toEqual(['n1']));

    await run({ type: 'setLocked', locked: true });
    addNote(phone.doc, note('n2', 'Etter låsing'));
    phone.provider.awareness.setLocalStateField('ping', 1);
    await eventually(() => expect(screen.provider.awareness.getStates().get(phone.doc.clientID)).toMatchObject({ ping: 1 }));
    // Facilitators still write while input is locked: their note is the marker.
    addNote(screen.doc, note('n3', 'Fasilitator', 'facilitator'));
    await eventually(async () => {
      const { state } = await h.server.services.yjsPersistence.fetch(docName);
      const copy = new Y.Doc();
      if (state) Y.applyUpdate(copy, state);
      expect(readNotes(copy).map((n) => n.id).sort()).toEqual(['n1', 'n3']);
    });
    expect(readNotes(screen.doc).map((n) => n.id).sort()).toEqual(['n1', 'n3']);
  });

  it('a participant who moves to another device loses the old device\'s Yjs connections, and its unexpired tokens admit nothing', async () => {
    const { user } = await h.facilitator();
    const project = await h.server.services.projects.create(user.id, { name: 'P' });
    if (!project.ok) throw new Error('project');
    const opened = await h.server.services.live.open(user.id, project.data.id, { title: 'Økt' });
    if (!opened.ok) throw new Error('open');
    const [phone] = (await phones(opened.data.code, [null])) as [Phone];
    const notes = await open(phone.socket, sessionNotesDocName(opened.data.id));
    notes.write('Fra den gamle telefonen.');
    await eventually(async () => expect(await stored(sessionNotesDocName(opened.data.id))).toContain('Fra den gamle telefonen.'));
    // A token the old device keeps for later: valid for five minutes.
    const kept = await token(phone.socket, sessionNotesDocName(opened.data.id));

    const link = await emit<{ token: string }>(phone.socket, clientEvents.resumeLink, {});
    if (!link.ok) throw new Error('link');
    const res = await fetch(`${h.origin}/api/sessions/resume`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.origin },
      body: JSON.stringify({ token: link.data.token }),
    });
    expect(res.status).toBe(200);
    await eventually(() => expect(notes.closes).toEqual([yjsCloseCodes.forbidden]));
    expect(notes.provider.wsconnected).toBe(false);

    // The old device comes back with its unexpired token: refused at admission.
    const comeback = h.provider(sessionNotesDocName(opened.data.id), new Y.Doc(), kept.token);
    const refused: number[] = [];
    comeback.on('closed', (e) => refused.push(e.code));
    await eventually(() => expect(refused).toEqual([yjsCloseCodes.forbidden]));
    expect(comeback.synced).toBe(false);

    // The new device (the same participant) is admitted and writes.
    const newPhone = h.socket(res.headers.get('set-cookie')!.split(';')[0]!);
    expect(await emit<JoinResult>(newPhone, clientEvents.join, { as: 'participant', code: opened.data.code })).toMatchObject({ ok: true, data: { participantId: phone.id } });
    const moved = await open(newPhone, sessionNotesDocName(opened.data.id));
    moved.write(' Fra den nye.');
    await eventually(async () => expect(await stored(sessionNotesDocName(opened.data.id))).toContain('Fra den nye.'));
  });

  async function firstWorkshopId(projectId: string): Promise<string> {
    const [row] = await h.server.services.database.db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, projectId));
    return row!.id;
  }
});
