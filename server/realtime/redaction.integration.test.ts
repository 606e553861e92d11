import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, feedbackItems, participants, yjsSnapshots, yjsUpdates } from '@/db/schema';
import { participantNumbers } from '@/lib/participant-number';
import { clientEvents, serverEvents, type ErasedContributions } from '@/lib/protocol';
import { addNote, boardDocName, boardDraftDocName, notesOf, readNotes } from '@/lib/workshop/board';
import type { ActivityResults } from '@/lib/workshop/results';
import { eventually } from '../../test/retry';

/** The machine running these may be loaded: broadcasts and archive runs get time. */
const soon = <T>(assertion: () => T | Promise<T>) => eventually(assertion, 30_000);
import { harnessDrivers, serverHarness, type TestSocket } from '../../test/server-harness';
import { bytesHold, tablesContaining, uniqueMarker, yjsHolding } from '../../test/stored-text';
import { emit, workshopRoom, yjsGrant, type Phone } from '../../test/workshop-room';

type Room = Awaited<ReturnType<typeof workshopRoom>>;

describe.each(harnessDrivers())('redaction, erasure and withdrawal (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
  }, 120_000);
  afterEach(() => h.cleanup());

  const db = () => h.server.services.database.db;
  /** A marker unique to one test, so the database scan finds only what the test wrote. */
  const secret = (label: string) => uniqueMarker(`${label}-`);

  /** Every results message a socket receives, newest last. */
  function resultsOf(socket: TestSocket): (ActivityResults | null)[] {
    const received: (ActivityResults | null)[] = [];
    socket.on(serverEvents.results, (r: ActivityResults | null) => received.push(r));
    return received;
  }

  async function toFindings(room: Room) {
    const index = room.runtime().agenda.findIndex((a) => a.kind === 'findings');
    await room.run({ type: 'goTo', index });
    await soon(() => expect(room.runtime().current).toBe(index));
    const activity = room.runtime().activity!;
    if (activity.kind !== 'findings') throw new Error('not a findings round');
    return activity.config.findingIds[0]!;
  }

  async function respond(phone: Phone, findingId: string, comment: string) {
    expect(await emit(phone.socket, clientEvents.respond, { findingId, response: 'nyanserer', comment })).toMatchObject({ ok: true });
  }

  /** A board opened as the socket's owner, with the key their notes carry on it. */
  async function openBoard(socket: TestSocket, docName: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider; key: string }> {
    const doc = new Y.Doc();
    const grant = await yjsGrant(socket, docName);
    const provider = h.provider(docName, doc, grant.token);
    await soon(() => expect(provider.synced).toBe(true));
    return { doc, provider, key: grant.authorKey };
  }

  const note = (id: string, text: string, authorKey: string) => ({ id, text, colour: 'yellow' as const, authorKind: 'anonymous' as const, authorName: null, authorKey, createdAt: 1 });

  /** Rows per table that matter here, for before/after comparisons. */
  async function rowsOfSession(sessionId: string) {
    const items = await db().select({ participantId: feedbackItems.participantId, kind: feedbackItems.kind }).from(feedbackItems).where(eq(feedbackItems.sessionId, sessionId));
    const perParticipant = new Map<string | null, number>();
    for (const i of items) perParticipant.set(i.participantId, (perParticipant.get(i.participantId) ?? 0) + 1);
    return { items: items.length, perParticipant };
  }

  it('a redacted comment leaves the phones, the screen and the database; the audit log names it, not its text', async () => {
    const room = await workshopRoom(h, 3);
    const findingId = await toFindings(room);
    const texts = room.phones.map((_, i) => secret(`kommentar${i}`));
    for (const [i, phone] of room.phones.entries()) await respond(phone, findingId, `Vi ser det samme: ${texts[i]}`);
    const phoneResults = resultsOf(room.phones[1]!.socket);
    const facilitatorResults = resultsOf(room.fac);
    await room.run({ type: 'setRevealed', revealed: true });
    const latest = (list: (ActivityResults | null)[]) => list.at(-1);
    await soon(() => expect(latest(phoneResults)).toMatchObject({ kind: 'findings', comments: expect.arrayContaining([expect.objectContaining({ text: `Vi ser det samme: ${texts[0]}` })]) }));
    const full = latest(facilitatorResults);
    if (full?.kind !== 'findings') throw new Error('no findings results');
    const target = full.comments.find((c) => c.text.includes(texts[0]!))!;

    const redacted = await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: target.id } });
    expect(redacted).toMatchObject({ ok: true });

    for (const list of [phoneResults, facilitatorResults]) {
      await soon(() => {
        const r = latest(list);
        if (r?.kind !== 'findings') throw new Error('no findings results');
        expect(JSON.stringify(r)).not.toContain(texts[0]);
        expect(r.comments.find((c) => c.id === target.id)).toMatchObject({ text: '', redacted: true });
        // The others' comments are untouched.
        expect(JSON.stringify(r)).toContain(texts[1]);
      });
    }
    expect(await tablesContaining(db(), texts[0]!)).toEqual([]);
    expect(await tablesContaining(db(), texts[1]!)).toEqual(['feedback_items']);
    const [row] = await db().select().from(feedbackItems).where(eq(feedbackItems.id, target.id));
    expect(row).toMatchObject({ text: '', redactedAt: expect.any(Date) });
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'feedback.redact'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: 'user', target: target.id, details: { kind: 'finding_response' } });

    // Answering again is a new answer: it is shown, not the marker.
    await respond(room.phones[0]!, findingId, 'Ny tekst');
    await soon(() => expect(JSON.stringify(latest(facilitatorResults))).toContain('Ny tekst'));
  }, 120_000);

  it('a redacted board note leaves every connected board and the stored Yjs history', async () => {
    const room = await workshopRoom(h, 2);
    await room.run({ type: 'endSilent' });
    await soon(() => expect(room.runtime().silent).toBe(false));
    const [a, b] = room.phones as [Phone, Phone];
    const board = boardDocName(room.sessionId, room.activityId, room.groupOf(a));
    expect(room.groupOf(b)).toBe(room.groupOf(a));
    const text = secret('lapp');
    const mine = await openBoard(a.socket, board);
    const theirs = await openBoard(b.socket, board);
    const screen = await openBoard(room.fac, board);
    addNote(mine.doc, note('n1', `Første utkast ${text}`, mine.key));
    addNote(mine.doc, note('n2', 'Det andre vi snakket om', mine.key));
    // An edit, so the text sits in more than one stored update.
    mine.doc.transact(() => (notesOf(mine.doc).get(0) as Y.Map<unknown>).set('text', `Andre utkast ${text}`));
    for (const open of [theirs, screen]) await soon(() => expect(readNotes(open.doc).map((n) => n.text)).toContain(`Andre utkast ${text}`));
    await soon(async () => expect(await yjsHolding(db(), text)).toEqual([board]));

    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'note', docName: board, noteId: 'n1' } })).toMatchObject({ ok: true });

    for (const open of [mine, theirs, screen]) {
      await soon(() => {
        const notes = readNotes(open.doc);
        expect(notes.find((n) => n.id === 'n1')).toMatchObject({ text: '' });
        expect((notesOf(open.doc).get(0) as Y.Map<unknown>).get('redacted')).toBe(true);
        expect(notes.find((n) => n.id === 'n2')?.text).toBe('Det andre vi snakket om');
      });
    }
    // Nothing stored holds the text: no update row, not the snapshot, raw or decoded.
    expect(await yjsHolding(db(), text)).toEqual([]);
    const updates = await db().select().from(yjsUpdates).where(eq(yjsUpdates.docName, board));
    expect(updates.filter((u) => bytesHold(u.update, text))).toEqual([]);
    const [snapshot] = await db().select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, board));
    expect(bytesHold(snapshot!.state, 'Det andre vi snakket om')).toBe(true);
    expect(bytesHold(snapshot!.state, text)).toBe(false);
    expect(await tablesContaining(db(), text)).toEqual([]);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'note.redact'));
    expect(audits).toMatchObject([{ target: 'n1', details: { docName: board } }]);
    expect(JSON.stringify(audits)).not.toContain(text);

    // The board keeps working for everyone.
    addNote(theirs.doc, note('n3', 'Etterpå', theirs.key));
    await soon(() => expect(readNotes(mine.doc).map((n) => n.id)).toContain('n3'));
  }, 120_000);

  it('erasing Deltaker N removes their answers, notes and name, updates the tallies, and leaves the others', async () => {
    const room = await workshopRoom(h, 3);
    await room.run({ type: 'endSilent' });
    const [a, b] = room.phones as [Phone, Phone, Phone];
    const group = room.groupOf(a);
    const board = boardDocName(room.sessionId, room.activityId, group);
    const aText = secret('deltakerA');
    const bText = secret('deltakerB');
    await soon(() => expect(room.runtime().silent).toBe(false));
    const boardA = await openBoard(a.socket, board);
    addNote(boardA.doc, note('a1', `Lapp ${aText}`, boardA.key));
    const boardFac = await openBoard(room.fac, board);
    addNote(boardFac.doc, note('f1', 'Fasilitatorens lapp', 'facilitator'));
    await soon(async () => expect(await yjsHolding(db(), aText)).toEqual([board]));

    const findingId = await toFindings(room);
    await respond(a, findingId, `Svar ${aText}`);
    await respond(b, findingId, `Svar ${bText}`);
    await respond(room.phones[2]!, findingId, '');
    const facilitatorResults = resultsOf(room.fac);
    await room.run({ type: 'setRevealed', revealed: true });
    await soon(() => expect(facilitatorResults.at(-1)).toMatchObject({ kind: 'findings', total: 3 }));
    await db().update(participants).set({ displayName: 'Kari', attributes: { kontor: 'Lillehammer' } }).where(eq(participants.id, a.id));

    const before = await rowsOfSession(room.sessionId);
    expect(before.perParticipant.get(a.id)).toBe(1);
    const numbers = participantNumbers(await h.server.services.live.listParticipants(room.sessionId));
    const number = numbers.get(a.id)!;

    const erased = await emit<ErasedContributions>(room.fac, clientEvents.eraseParticipant, { sessionId: room.sessionId, number });
    // Their answer and the archive row of their note (the agenda moved on, so the board was kept).
    expect(erased).toMatchObject({ ok: true, data: { feedbackItems: 2, notes: 1 } });

    const after = await rowsOfSession(room.sessionId);
    expect(after.perParticipant.get(a.id)).toBeUndefined();
    expect(after.perParticipant.get(b.id)).toBe(before.perParticipant.get(b.id));
    expect(after.items).toBe(before.items - 2);
    await soon(() => expect(facilitatorResults.at(-1)).toMatchObject({ kind: 'findings', total: 2 }));
    await soon(() => expect(readNotes(boardFac.doc).map((n) => n.id)).toEqual(['f1']));
    expect(readNotes(boardA.doc).map((n) => n.id)).toEqual(['f1']);
    expect(await tablesContaining(db(), aText)).toEqual([]);
    expect(await yjsHolding(db(), aText)).toEqual([]);
    expect(await tablesContaining(db(), bText)).toEqual(['feedback_items']);
    const [person] = await db().select().from(participants).where(eq(participants.id, a.id));
    expect(person).toMatchObject({ displayName: null, attributes: {} });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'participant.erase'));
    expect(audit).toMatchObject({ actorKind: 'user', target: room.sessionId, details: { number, feedbackItems: 2, notes: 1 } });
    expect(await emit(room.fac, clientEvents.eraseParticipant, { sessionId: room.sessionId, number: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 120_000);

  it('a participant withdraws everything from their phone, drafts included, and keeps taking part', async () => {
    const room = await workshopRoom(h, 2);
    const [a, b] = room.phones as [Phone, Phone];
    expect(room.runtime().silent).toBe(true);
    const draft = boardDraftDocName(room.sessionId, room.activityId, room.groupOf(a), a.id);
    const draftText = secret('utkast');
    const mine = await openBoard(a.socket, draft);
    addNote(mine.doc, note('d1', `Utkast ${draftText}`, mine.key));
    await soon(async () => expect(await yjsHolding(db(), draftText)).toEqual([draft]));

    const findingId = await toFindings(room);
    const answer = secret('svar');
    await respond(a, findingId, `Mitt svar ${answer}`);
    await respond(b, findingId, 'Svar fra en annen');

    const withdrawn = await emit<ErasedContributions>(a.socket, clientEvents.withdrawAll, {});
    // Moving on released the draft into the board and archived it: the note goes from the board
    // and from the archive, the draft is emptied, and the answer is deleted.
    expect(withdrawn).toMatchObject({ ok: true, data: { feedbackItems: 2, notes: 1, drafts: 1 } });
    expect(await tablesContaining(db(), answer)).toEqual([]);
    expect(await tablesContaining(db(), draftText)).toEqual([]);
    expect(await yjsHolding(db(), draftText)).toEqual([]);
    const others = await db().select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, room.sessionId), eq(feedbackItems.participantId, b.id)));
    expect(others).toHaveLength(1);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'participant.withdraw_all'));
    expect(audit).toMatchObject({ actorKind: 'participant', actorId: a.id, target: room.sessionId });

    // Still in the session: they may answer again.
    await respond(a, findingId, 'Likevel et svar');
    expect(await emit(a.socket, clientEvents.mine, {})).toMatchObject({ ok: true, data: { responses: { [findingId]: { comment: 'Likevel et svar' } } } });
  }, 120_000);
});
