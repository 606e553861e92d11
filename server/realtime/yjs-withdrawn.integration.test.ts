import { sql } from 'drizzle-orm';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '@/lib/errors';
import { addNote, boardDraftDocName, readNotes, type BoardNote } from '@/lib/workshop/board';
import { docUsageKey } from '@/lib/yjs/limits';
import { eventually } from '../../test/retry';
import { serverHarness } from '../../test/server-harness';
import { rawYjsClient, workshopRoom, yjsToken, type Phone } from '../../test/workshop-room';

// Neither the text nor the id carries a participant's UUID: its digits now and then spell a
// mobile number ("…-4395-9992-…"), and the privacy guard, which reads a note's id as well as its
// text, rightly refuses such a note. Notes are named by the phone's letter instead.
const note = (id: string, authorKey: string): BoardNote => ({ id, text: 'Lapp om samarbeid', colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey, createdAt: 1 });

/** One note as a self-contained update (its own client), as a phone sends it. */
function noteUpdate(id: string, authorKey: string): Uint8Array {
  const doc = new Y.Doc();
  addNote(doc, note(id, authorKey));
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Finding 5 of the issue-9 review: updates a device sent before its access was withdrawn, but
 * that still waited in the document's write queue, or whose append waited for the database,
 * are not stored once it is withdrawn.
 */
describe('Yjs updates queued when access is withdrawn', () => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('neither a restricted nor a revoked connection gets its queued updates stored', async () => {
    const room = await workshopRoom(h, 2);
    const [a, b] = room.phones as [Phone, Phone];
    const letter = (p: Phone) => (p === a ? 'a' : 'b');
    const draft = (p: Phone) => boardDraftDocName(room.sessionId, room.activityId, room.groupOf(p), p.id);
    const keyOf = (p: Phone) => h.server.services.yjsTokens.boardAuthorKey(p.id, draft(p))!;
    const persistence = h.server.services.yjsPersistence;
    const storedIds = async (docName: string) => {
      const { state } = await persistence.fetch(docName);
      const doc = new Y.Doc();
      if (state) Y.applyUpdate(doc, state);
      return readNotes(doc).map((n) => n.id).sort();
    };

    const clients = [];
    for (const phone of [a, b]) {
      const raw = await rawYjsClient(h.server.port, draft(phone), await yjsToken(phone.socket, draft(phone)));
      raw.sendUpdate(noteUpdate(`${letter(phone)}-before`, keyOf(phone)));
      // Refusals are part of what is compared, so a failure says why the note was not stored.
      await eventually(async () => expect({ stored: await storedIds(draft(phone)), refusals: raw.refusals, closed: raw.closeCode() }).toEqual({ stored: [`${letter(phone)}-before`], refusals: [], closed: null }));
      clients.push(raw);
    }
    const [rawA, rawB] = clients as [(typeof clients)[0], (typeof clients)[0]];

    // Hold the drafts' usage rows, so every append waits in its document's queue (on PGlite the
    // transaction holds the whole database; on PostgreSQL the row lock holds the upserts).
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const db = h.server.services.database.db;
    const lock = db.transaction(async (tx) => {
      await tx.execute(sql`select bytes from yjs_usage where key in (${docUsageKey(draft(a))}, ${docUsageKey(draft(b))}) for update`);
      holding();
      await gate;
    });
    await held;

    // Each sends ten notes, then asks for a sync: its answer comes once the server has handled
    // (queued) everything before it on that socket.
    for (const [raw, phone] of [[rawA, a], [rawB, b]] as const) {
      const answers = () => raw.received.messages;
      const before = answers();
      for (let i = 0; i < 10; i++) raw.sendUpdate(noteUpdate(`${letter(phone)}-queued-${i}`, keyOf(phone)));
      raw.sendSyncStep1(Y.encodeStateVector(new Y.Doc()));
      await eventually(() => expect(answers()).toBeGreaterThan(before));
    }

    // Access is withdrawn while the updates wait: A's draft becomes read-only (silent writing
    // ends, say), B is let go (moved to another device, removed).
    const refusalsOfA: string[] = [];
    rawA.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === 100) refusalsOfA.push(decoding.readVarString(decoder));
    });
    // B's device does not answer the close (a phone gone quiet): its close takes up to 30 s.
    rawB.ws.pause();
    h.server.yjs.reauthorise(room.sessionId, () => ok({ readOnly: true }));
    h.server.yjs.closeWhere((c) => c.subject === `p:${b.id}`, 'moved to another device');
    letGo();
    await lock;

    await eventually(() => expect(refusalsOfA).toEqual(['YJS_READ_ONLY']));
    // The facilitator writes each draft after: its write is queued behind the withdrawn ones,
    // so once it is stored, they have been dealt with.
    for (const phone of [a, b]) {
      const probe = await rawYjsClient(h.server.port, draft(phone), await yjsToken(room.fac, draft(phone)));
      probe.sendUpdate(noteUpdate(`${letter(phone)}-facilitator`, 'facilitator'));
      await eventually(async () => expect(await storedIds(draft(phone))).toContain(`${letter(phone)}-facilitator`));
      // Not even the first, whose append had begun and waited for the database when access went.
      expect(await storedIds(draft(phone))).toEqual([`${letter(phone)}-before`, `${letter(phone)}-facilitator`].sort());
    }
    rawB.ws.resume();
    await eventually(() => expect(rawB.closeCode()).toBe(4403));
  }, 60_000);
});
