import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { yjsUpdates } from '@/db/schema';
import { addNote, readNotes } from '@/lib/workshop/board';
import { testDatabases } from '../../test/databases';
import { createLogger } from '../logger';
import { SharedDoc } from './yjs-doc';
import { createYjsPersistence, type YjsPersistence } from './yjs-persistence';

const log = createLogger('silent');
const note = (id: string) => ({ id, text: `Lapp ${id}`, colour: 'yellow' as const, authorKind: 'anonymous' as const, authorName: null, authorKey: 'k', createdAt: 1 });
const BUDGET = 1024 * 1024;

/** One document open in two processes: what one stores, the other catches up with when told. */
for (const driver of testDatabases()) {
  describe(`a Yjs document open in two processes on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let persistence: YjsPersistence;
    const opened: SharedDoc[] = [];
    beforeEach(async () => {
      ({ database, drop } = await driver.open());
      persistence = createYjsPersistence(database.db);
    });
    afterEach(async () => {
      for (const doc of opened.splice(0)) doc.destroy();
      await drop();
    });

    async function open(onStored?: (id: number) => void): Promise<SharedDoc> {
      const doc = new SharedDoc('live.board', persistence, log, onStored);
      await doc.load();
      opened.push(doc);
      return doc;
    }
    const ids = (doc: SharedDoc) => readNotes(doc.doc).map((n) => n.id).sort();

    it('applies what the other stored, also after compaction folded it away', async () => {
      const told: number[] = [];
      const a = await open((id) => told.push(id));
      const b = await open();
      expect(await a.change((d) => addNote(d, note('a1')), BUDGET)).toBe(true);
      expect(await b.change((d) => addNote(d, note('b1')), BUDGET)).toBe(true);
      expect(await a.change((d) => addNote(d, note('a2')), BUDGET)).toBe(true);
      // B hears only of A's latest update: it reads everything it had not read, A's first too.
      await b.catchUp(told[1]!);
      expect(ids(b)).toEqual(['a1', 'a2', 'b1']);

      // A compacts (folding B's update in too) and writes on; B catches up past the compaction.
      await a.flush();
      expect(await a.change((d) => addNote(d, note('a3')), BUDGET)).toBe(true);
      await a.flush();
      await b.catchUp(told.at(-1)!);
      expect(ids(b)).toEqual(['a1', 'a2', 'a3', 'b1']);

      // A never heard of B's note, yet its compaction kept it: a third process loads all of them.
      expect(ids(a)).toEqual(['a1', 'a2', 'a3']);
      expect(ids(await open())).toEqual(['a1', 'a2', 'a3', 'b1']);
    });

    it('reads again from below an id that committed after higher ones were read', async () => {
      const told: number[] = [];
      const a = await open((id) => told.push(id));
      const b = await open();
      for (const id of ['a1', 'a2', 'a3']) await a.change((d) => addNote(d, note(id)), BUDGET);
      await b.catchUp(told.at(-1)!);
      await a.flush();
      // An update whose transaction took an id before the others but committed after B read
      // them (made here by storing it under an id compaction freed).
      const late = new SharedDoc('elsewhere', persistence, log);
      opened.push(late);
      late.doc.transact(() => addNote(late.doc, note('late')));
      await database.db.execute(
        sql`insert into ${yjsUpdates} (id, doc_name, update) overriding system value values (${told[0]!}, 'live.board', ${Y.encodeStateAsUpdate(late.doc)})`,
      );
      await b.catchUp(told[0]!);
      expect(ids(b)).toEqual(['a1', 'a2', 'a3', 'late']);
    });
  });
}
