import pg from 'pg';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { yjsSnapshots } from '@/db/schema';
import { docUsageKey } from '@/lib/yjs/limits';
import { testDatabases } from '../../test/databases';
import { createYjsPersistence, type YjsPersistence } from './yjs-persistence';

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

/** What a client that typed `text` into the shared text "t" sends. */
function textUpdate(text: string, into = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(into);
  into.getText('t').insert(into.getText('t').length, text);
  return Y.encodeStateAsUpdate(into, before);
}

for (const driver of testDatabases()) {
  describe(`Yjs budgets on ${driver.name}`, () => {
    let database: Database;
    let url: string | null;
    let drop: () => Promise<void>;
    let persistence: YjsPersistence;
    beforeEach(async () => {
      ({ database, url, drop } = await driver.open());
      persistence = createYjsPersistence(database.db);
    });
    afterEach(() => drop());

    it('refuses an append past the subject budget and stores nothing of it', async () => {
      const quota = { subjectKey: 's:x:p:1', subjectBudget: 100, docBudget: 1000 };
      expect(await persistence.append('doc', bytes(60), quota)).toMatchObject({ ok: true });
      expect(await persistence.append('doc', bytes(60), quota)).toEqual({ ok: false, code: 'YJS_QUOTA' });
      expect(await persistence.append('doc', bytes(40), quota)).toMatchObject({ ok: true });
      expect(await persistence.usage('s:x:p:1')).toBe(100);
      expect(await persistence.usage(docUsageKey('doc'))).toBe(100);
      expect((await persistence.fetch('doc')).pendingUpdates).toBe(2);
    });

    it('refuses an append past the document budget without charging the writer', async () => {
      const a = { subjectKey: 's:x:p:a', subjectBudget: 1000, docBudget: 150 };
      const b = { ...a, subjectKey: 's:x:p:b' };
      expect(await persistence.append('doc', bytes(100), a)).toMatchObject({ ok: true });
      expect(await persistence.append('doc', bytes(100), b)).toEqual({ ok: false, code: 'YJS_DOC_FULL' });
      expect(await persistence.usage('s:x:p:b')).toBe(0);
      expect(await persistence.usage(docUsageKey('doc'))).toBe(100);
      // A first append larger than the budget is refused too (no row to compare with yet).
      expect(await persistence.append('other', bytes(200), a)).toEqual({ ok: false, code: 'YJS_DOC_FULL' });
    });

    it('holds under concurrent appends: never more than the budget is counted or stored', async () => {
      const quota = { subjectKey: 's:x:p:c', subjectBudget: 1000, docBudget: 500 };
      const results = await Promise.all(Array.from({ length: 12 }, () => persistence.append('doc', bytes(100), quota)));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(await persistence.usage(docUsageKey('doc'))).toBe(500);
      expect((await persistence.fetch('doc')).pendingUpdates).toBe(5);
    });

    it('compaction sets the document usage to what it holds, so deleted text frees room', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('t').insert(0, 'x'.repeat(2000));
      doc.getText('t').delete(0, 2000);
      for (const u of updates) {
        const r = await persistence.append('doc', u, { subjectKey: 's:x:p:d', subjectBudget: 10_000, docBudget: 10_000 });
        if (!r.ok) throw new Error(r.code);
      }
      expect(await persistence.usage(docUsageKey('doc'))).toBeGreaterThan(2000);
      expect(await persistence.compact('doc')).toBe(true);
      const [snapshot] = await database.db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, 'doc'));
      expect(await persistence.usage(docUsageKey('doc'))).toBe(snapshot?.state.length);
      expect(snapshot?.state.length).toBeLessThan(100);
      // The writer's own budget counts what it sent, however much was later deleted.
      expect(await persistence.usage('s:x:p:d')).toBeGreaterThan(2000);
    });

    it('an unbudgeted (server) append is always taken and counted', async () => {
      await persistence.append('doc', bytes(100), { subjectKey: 's:x:p:e', subjectBudget: 1000, docBudget: 100 });
      expect(await persistence.append('doc', bytes(300))).toMatchObject({ ok: true });
      expect(await persistence.usage(docUsageKey('doc'))).toBe(400);
    });

    it('a server append bounded by the document budget alone is refused past it, whole', async () => {
      expect(await persistence.append('doc', bytes(100), { docBudget: 250 })).toMatchObject({ ok: true });
      expect(await persistence.append('doc', bytes(200), { docBudget: 250 })).toEqual({ ok: false, code: 'YJS_DOC_FULL' });
      expect(await persistence.append('doc', bytes(150), { docBudget: 250 })).toMatchObject({ ok: true });
      expect(await persistence.usage(docUsageKey('doc'))).toBe(250);
      expect((await persistence.fetch('doc')).pendingUpdates).toBe(2);
    });

    it('an append whose writer lost access while it waited is rolled back, charging nobody', async () => {
      let allowed = true;
      const quota = { subjectKey: 's:x:p:f', subjectBudget: 1000, docBudget: 1000, stillAllowed: () => allowed };
      expect(await persistence.append('doc', bytes(100), quota)).toMatchObject({ ok: true });
      allowed = false;
      expect(await persistence.append('doc', bytes(100), quota)).toEqual({ ok: false, code: 'YJS_READ_ONLY' });
      expect(await persistence.usage('s:x:p:f')).toBe(100);
      expect(await persistence.usage(docUsageKey('doc'))).toBe(100);
      expect((await persistence.fetch('doc')).pendingUpdates).toBe(1);
    });

    it('compaction folds what every writer stored, not what one process holds in memory', async () => {
      // Two processes' clients: each process's memory holds only its own client's text.
      const a = new Y.Doc();
      const b = new Y.Doc();
      await persistence.append('doc', textUpdate('from A;', a));
      await persistence.append('doc', textUpdate('from B;', b));
      expect(await persistence.compact('doc')).toBe(true);
      await persistence.append('doc', textUpdate('after;', a));
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, (await persistence.fetch('doc')).state!);
      const text = loaded.getText('t').toString();
      expect(text).toContain('from A;');
      expect(text).toContain('from B;');
      expect(text).toContain('after;');
      expect((await persistence.fetch('doc')).pendingUpdates).toBe(1);
    });

    it('compaction keeps no trace of text deleted before it (a purge)', async () => {
      const doc = new Y.Doc();
      await persistence.append('doc', textUpdate('keep;', doc));
      await persistence.append('doc', textUpdate('Hemmelig tekst;', doc));
      const before = Y.encodeStateVector(doc);
      doc.getText('t').delete(5, 'Hemmelig tekst;'.length);
      await persistence.append('doc', Y.encodeStateAsUpdate(doc, before));
      await persistence.compact('doc');
      const [snapshot] = await database.db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, 'doc'));
      expect(Buffer.from(snapshot!.state).toString('latin1')).not.toContain('Hemmelig');
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, (await persistence.fetch('doc')).state!);
      expect(loaded.getText('t').toString()).toBe('keep;');
    });

    it('since() gives what was stored after an id, with the snapshot once compaction folded it', async () => {
      const a = new Y.Doc();
      const first = await persistence.append('doc', textUpdate('one;', a));
      if (!first.ok) throw new Error(first.code);
      const second = await persistence.append('doc', textUpdate('two;', a));
      if (!second.ok) throw new Error(second.code);
      const tail = await persistence.since('doc', first.id);
      expect(tail).toMatchObject({ lastUpdateId: second.id, pendingUpdates: 1 });
      await persistence.compact('doc');
      const folded = await persistence.since('doc', first.id);
      const seen = new Y.Doc();
      Y.applyUpdate(seen, folded.state!);
      expect(seen.getText('t').toString()).toBe('one;two;');
      expect(folded.lastUpdateId).toBe(second.id);
      expect((await persistence.since('doc', second.id)).state).toBeNull();
    });

    if (driver.name === 'postgres') {
      it('compaction is single-writer: a process that finds the advisory lock taken skips', async () => {
        await persistence.append('doc', textUpdate('x;'));
        const holder = new pg.Client({ connectionString: url! });
        await holder.connect();
        try {
          await holder.query('begin');
          await holder.query('select pg_advisory_xact_lock($1, hashtext($2))', [0x596a73, 'doc']);
          expect(await persistence.compact('doc')).toBe(false);
          expect((await persistence.fetch('doc')).pendingUpdates).toBe(1);
          await holder.query('commit');
          expect(await persistence.compact('doc')).toBe(true);
          expect((await persistence.fetch('doc')).pendingUpdates).toBe(0);
        } finally {
          await holder.end();
        }
      });
    }

    it('finds stored documents by prefix, escaping LIKE wildcards', async () => {
      for (const name of ['live.a.draft.x.g1.p1', 'live.a.draft.x.g2.p2', 'live.a.draft.y.g1.p1', 'live.a_draft.x.g1']) await persistence.append(name, textUpdate(name));
      await persistence.compact('live.a.draft.x.g1.p1');
      expect(await persistence.namesStartingWith('live.a.draft.x.')).toEqual(['live.a.draft.x.g1.p1', 'live.a.draft.x.g2.p2']);
    });
  });
}
