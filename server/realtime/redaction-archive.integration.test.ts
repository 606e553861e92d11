import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, feedbackItems, qsorts } from '@/db/schema';
import { closingEvents } from '@/lib/activities/closing/events';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { clientEvents, serverEvents, sessionNotesDocName } from '@/lib/protocol';
import { seedGrid } from '@/lib/qsort/grid';
import { emptySort } from '@/lib/qsort/sort';
import { addNote, boardDocName, readNotes } from '@/lib/workshop/board';
import { normalizeWord, type ActivityResults } from '@/lib/workshop/results';
import { eventually } from '../../test/retry';

/** The machine running these may be loaded: broadcasts and archive runs get time. */
const soon = <T>(assertion: () => T | Promise<T>) => eventually(assertion, 30_000);
import { harnessDrivers, serverHarness, type TestSocket } from '../../test/server-harness';
import { tablesContaining, uniqueMarker, yjsHolding } from '../../test/stored-text';
import { emit, workshopRoom, yjsGrant, type Phone } from '../../test/workshop-room';
import { REDACTED_PASSAGE_MARKER } from './yjs-redact';

type Room = Awaited<ReturnType<typeof workshopRoom>>;

describe.each(harnessDrivers())('redacting archived items, words, closing texts and shared notes (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
  }, 120_000);
  afterEach(() => h.cleanup());

  const db = () => h.server.services.database.db;
  const secret = uniqueMarker;

  function resultsOf(socket: TestSocket): (ActivityResults | null)[] {
    const received: (ActivityResults | null)[] = [];
    socket.on(serverEvents.results, (r: ActivityResults | null) => received.push(r));
    return received;
  }

  async function goTo(room: Room, kind: string) {
    const index = room.runtime().agenda.findIndex((a) => a.kind === kind);
    await room.run({ type: 'goTo', index });
    await soon(() => expect(room.runtime().current).toBe(index));
    return room.runtime().activity!;
  }

  /** A document opened as the socket's owner; `key` is what their notes carry on it. */
  async function openDoc(socket: TestSocket, docName: string) {
    const doc = new Y.Doc();
    const grant = await yjsGrant(socket, docName);
    const provider = h.provider(docName, doc, grant.token);
    await soon(() => expect(provider.synced).toBe(true));
    return { doc, key: grant.authorKey };
  }

  it('an archived board note redacted after the agenda moved on leaves the board too, and stays a marker when archived again', async () => {
    const room = await workshopRoom(h, 2);
    await room.run({ type: 'endSilent' });
    await soon(() => expect(room.runtime().silent).toBe(false));
    const a = room.phones[0] as Phone;
    const board = boardDocName(room.sessionId, room.activityId, room.groupOf(a));
    const text = secret('arkivlapp');
    const { doc, key } = await openDoc(a.socket, board);
    addNote(doc, { id: 'arkiv-1', text: `Lapp ${text}`, colour: 'blue', authorKind: 'anonymous', authorName: null, authorKey: key, createdAt: 1 });
    await soon(async () => expect(await yjsHolding(db(), text)).toEqual([board]));

    await goTo(room, 'plenary');
    // Moving on archives in the background; a retry is acknowledged once its run has ended.
    expect(await emit(room.fac, clientEvents.archiveRetry, { sessionId: room.sessionId })).toMatchObject({ ok: true });
    const archived = await soon(async () => {
      const [row] = await db().select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, room.sessionId), eq(feedbackItems.kind, 'note')));
      expect(row?.text).toContain(text);
      return row!;
    });

    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: archived.id } })).toMatchObject({ ok: true });
    await soon(() => expect(readNotes(doc)).toMatchObject([{ id: 'arkiv-1', text: '', redacted: true }]));

    // A plenary theme named after someone: redacted in the archive and in the running plenary.
    const theme = secret('Tema');
    await room.run({ type: 'clusterCreate', clusterId: 'c1', name: theme });
    expect(await emit(room.fac, clientEvents.archiveRetry, { sessionId: room.sessionId })).toMatchObject({ ok: true });
    const [cluster] = await db().select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, room.sessionId), eq(feedbackItems.kind, 'cluster')));
    expect(cluster).toMatchObject({ text: theme, theme });
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: cluster!.id } })).toMatchObject({ ok: true });
    await soon(() => expect(room.runtime().clusters).toMatchObject([{ id: 'c1', name: REDACTED_PASSAGE_MARKER }]));
    expect(await tablesContaining(db(), theme)).toEqual([]);
    expect(await yjsHolding(db(), text)).toEqual([]);
    expect(await tablesContaining(db(), text)).toEqual([]);

    // Archiving again reads the board: the note stays a redacted marker row, its text gone.
    expect(await emit(room.fac, clientEvents.archiveRetry, { sessionId: room.sessionId })).toMatchObject({ ok: true });
    const rows = await db().select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, room.sessionId), eq(feedbackItems.kind, 'note')));
    expect(rows).toMatchObject([{ itemKey: 'arkiv-1', text: '', redactedAt: expect.any(Date) }]);
    expect(await tablesContaining(db(), text)).toEqual([]);
  }, 120_000);

  it('a word of the cloud and a closing text are redacted in the results every phone gets', async () => {
    const room = await workshopRoom(h, 3);
    const word = secret('ord');
    const plenary = await goTo(room, 'plenary');
    await room.run({ type: 'setRevealed', revealed: true });
    const phoneResults = resultsOf(room.phones[2]!.socket);
    const facilitatorPlenary = resultsOf(room.fac);
    for (const [i, phone] of room.phones.entries()) {
      expect(await emit(phone.socket, plenaryEvents.word.name, { word: i < 2 ? word : 'tillit' })).toMatchObject({ ok: true });
    }
    await soon(() => expect(JSON.stringify(phoneResults.at(-1))).toContain(normalizeWord(word)));
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'word', activityId: plenary.id, word: normalizeWord(word) } })).toMatchObject({ ok: true });
    // The facilitator's full results (no minimum) show what is left; the phones' public view
    // falls below the minimum and shows no words at all.
    await soon(() => expect(facilitatorPlenary.at(-1)).toMatchObject({ kind: 'plenary', wordTotal: 1, words: [{ word: 'tillit', count: 1 }] }));
    await soon(() => {
      const r = phoneResults.at(-1);
      expect(r).toMatchObject({ kind: 'plenary', words: [] });
      expect(JSON.stringify(r)).not.toContain(normalizeWord(word));
    });
    expect(await tablesContaining(db(), normalizeWord(word))).toEqual([]);

    const closingText = secret('evaluering');
    await goTo(room, 'closing');
    await room.run({ type: 'setRevealed', revealed: true });
    for (const [i, phone] of room.phones.entries()) {
      expect(await emit(phone.socket, closingEvents.evaluate.name, { answers: {}, text: i === 0 ? `Fint, ${closingText}` : 'Nyttig dag' })).toMatchObject({ ok: true });
    }
    const facilitator = resultsOf(room.fac);
    await soon(() => expect(JSON.stringify(phoneResults.at(-1))).toContain(closingText));
    await room.run({ type: 'setRevealed', revealed: true });
    const full = await soon(() => {
      const r = facilitator.at(-1);
      if (r?.kind !== 'closing') throw new Error('no closing results yet');
      return r;
    });
    const target = full.texts.find((x) => x.text.includes(closingText))!;
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: target.id } })).toMatchObject({ ok: true });
    await soon(() => {
      const r = phoneResults.at(-1);
      if (r?.kind !== 'closing') throw new Error('no closing results');
      expect(r.texts.find((x) => x.id === target.id)).toEqual({ id: target.id, text: '', redacted: true });
      expect(r.texts.filter((x) => x.text === 'Nyttig dag')).toHaveLength(2);
    });
    expect(await tablesContaining(db(), closingText)).toEqual([]);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'feedback.redact'));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain(closingText);
  }, 120_000);

  it('a passage of the shared notes is replaced by the marker in every editor and in the stored history', async () => {
    const room = await workshopRoom(h, 1);
    const docName = sessionNotesDocName(room.sessionId);
    const passage = secret('passasje');
    const { doc: phone } = await openDoc(room.phones[0]!.socket, docName);
    const { doc: console } = await openDoc(room.fac, docName);
    phone.getText('notes').insert(0, `Før. Ring ${passage} i morgen. Etter.`);
    await soon(() => expect(console.getText('notes').toString()).toContain(passage));
    await soon(async () => expect(await yjsHolding(db(), passage)).toEqual([docName]));

    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'passage', docName, text: passage } })).toMatchObject({ ok: true });
    for (const doc of [phone, console]) await soon(() => expect(doc.getText('notes').toString()).toBe(`Før. Ring ${REDACTED_PASSAGE_MARKER} i morgen. Etter.`));
    expect(await yjsHolding(db(), passage)).toEqual([]);
    expect(await tablesContaining(db(), passage)).toEqual([]);
    // A passage that is not there, or notes of another session, are refused.
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'passage', docName, text: passage } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const elsewhere = sessionNotesDocName(crypto.randomUUID());
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'passage', docName: elsewhere, text: 'Før' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 120_000);

  it('a redacted Q-sort comment leaves the stored sort as well, so submitting again cannot bring it back', async () => {
    const room = await workshopRoom(h, 1);
    const comment = secret('qkommentar');
    const missing = secret('mangler');
    const state = { ...emptySort(seedGrid), comments: { s1: `Enig, ${comment}` }, missing: `Savner ${missing}` };
    const [sort] = await db().insert(qsorts).values({ sessionId: room.sessionId, participantId: room.phones[0]!.id, state, status: 'done' }).returning();
    const projectId = (await h.server.services.live.byId(room.sessionId))!.projectId;
    const rows = await db()
      .insert(feedbackItems)
      .values([
        { projectId, sessionId: room.sessionId, kind: 'q_comment', authorKind: 'anonymous', itemKey: sort!.id, text: state.comments.s1, data: { statement: 's1', statementText: 'Utsagn' } },
        { projectId, sessionId: room.sessionId, kind: 'q_comment', authorKind: 'anonymous', itemKey: sort!.id, text: state.missing, data: { statement: null } },
      ])
      .returning();
    for (const row of rows) {
      expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: row.id } })).toMatchObject({ ok: true });
    }
    expect(await tablesContaining(db(), comment)).toEqual([]);
    expect(await tablesContaining(db(), missing)).toEqual([]);
    const [after] = await db().select().from(qsorts).where(eq(qsorts.id, sort!.id));
    expect(after!.state).toMatchObject({ comments: {}, missing: '' });
    // The statement a comment was on is kept, so the archive shows the marker in its place.
    const kept = await db().select().from(feedbackItems).where(eq(feedbackItems.id, rows[0]!.id));
    expect(kept[0]).toMatchObject({ text: '', data: { statement: 's1' }, redactedAt: expect.any(Date) });
  }, 120_000);
});
