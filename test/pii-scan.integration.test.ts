import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { liveSessions, participants, projects, yjsSnapshots, yjsUpdates } from '@/db/schema';
import { initialLiveSessionState } from '@/lib/live-session';
import { testDatabases } from './databases';
import { ARABIC_INDIC_ZERO, inScript, seededRng, validNationalId, validPhone } from './personal-numbers';
import { digitsOf, scanDatabase } from './pii-scan';

/** The scan itself must find what it is for, or every "no trace" assertion built on it is empty. */
describe.each(testDatabases())('scanDatabase on $name', (driver) => {
  let drop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await drop?.();
    drop = null;
  });

  async function seeded() {
    const opened = await driver.open();
    drop = opened.drop;
    const db = opened.database.db;
    const [project] = await db.insert(projects).values({ name: 'Prosjekt' }).returning();
    const [session] = await db
      .insert(liveSessions)
      .values({ projectId: project!.id, code: 'ABCDEFGH', title: 'Økt', state: initialLiveSessionState() })
      .returning();
    return { db, projectId: project!.id, sessionId: session!.id };
  }

  it('finds nothing in ordinary rows, uuids, timestamps and token hashes', async () => {
    const { db, sessionId } = await seeded();
    await db.insert(participants).values({ sessionId, tokenHash: 'a3f9e2c81d4b7a6e5f0c9d8b7a6e5f4c3d2b1a09f8e7d6c5b4a3928170615243', displayName: 'Kari', attributes: { kontor: 'NAV Grünerløkka' } });
    expect(await scanDatabase(db)).toEqual([]);
  });

  it('finds a number in a text column and a json value, in any script, by needle and by detector', async () => {
    const rng = seededRng(1);
    const id = validNationalId(rng);
    const phone = validPhone(rng);
    const { db, sessionId } = await seeded();
    await db.insert(participants).values({ sessionId, tokenHash: 'x1', displayName: `Kari ${id}`, attributes: { kontor: inScript(`${id.slice(0, 6)} ${id.slice(6)}`, ARABIC_INDIC_ZERO) } });
    await db.update(liveSessions).set({ state: { ...initialLiveSessionState(), message: `Ring ${phone}` } });
    const hits = await scanDatabase(db, [id, phone]);
    expect(hits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'participants', column: 'display_name', found: id }),
        expect.objectContaining({ table: 'participants', column: 'display_name', found: 'NATIONAL_ID' }),
        expect.objectContaining({ table: 'participants', column: 'attributes', found: id }),
        expect.objectContaining({ table: 'live_sessions', column: 'state', found: phone }),
        expect.objectContaining({ table: 'live_sessions', column: 'state', found: 'PHONE', where: '$.message' }),
      ]),
    );
  });

  it('decodes Yjs updates and snapshots: text typed in pieces, deleted text and map values', async () => {
    const id = validNationalId(seededRng(2));
    const { db } = await seeded();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('notes');
    text.insert(0, 'Bruker ');
    text.insert(7, id.slice(0, 6)); // typed in two goes: no single struct holds the number
    text.insert(13, id.slice(6));
    text.delete(7, 11); // deleted again, but still in the stored updates
    doc.getMap('board').set('note', new Y.Map([['text', `tlf ${id}`]]));
    for (const [i, update] of updates.entries()) await db.insert(yjsUpdates).values({ docName: `doc.${i < 3 ? 'a' : 'b'}`, update });
    const hits = await scanDatabase(db, [id]);
    expect(hits.filter((h) => h.table === 'yjs_updates' && h.found === id).length).toBeGreaterThan(0);
    expect(hits).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'yjs_documents', row: 'doc_name=doc.a', where: 'yjs:notes' })]));

    const other = new Y.Doc();
    other.getArray('list').push([`id ${id}`]);
    await db.delete(yjsUpdates);
    await db.insert(yjsSnapshots).values({ docName: 'doc.c', state: Y.encodeStateAsUpdate(other), lastUpdateId: 0 });
    const snapshotHits = await scanDatabase(db, [id]);
    expect(snapshotHits).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'yjs_snapshots', column: 'state', found: id })]));
    expect(snapshotHits).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'yjs_documents', row: 'doc_name=doc.c', found: id })]));
  });
});

describe('digitsOf', () => {
  it('folds digits of every script to ASCII', () => {
    expect(digitsOf('١٢٣ ４５６ 𝟕𝟖𝟗 ०')).toBe('1234567890'.slice(0, 9) + '0');
  });
});
