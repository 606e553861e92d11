import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { feedbackItems, workshops } from '@/db/schema';
import { addNote, boardDocName, notesOf } from '@/lib/workshop/board';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { openServices } from '../../test/services';
import type { Services } from './index';
import { ARCHIVE_BATCH_ROWS } from './board-archive';

const BIG_BOARD = 6_200;

for (const driver of testDatabases()) {
  describe(`board archive on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, testConfig()));
    });
    afterEach(() => drop());

    /** The demo workshop run up to its group reflection, with six participants in two groups. */
    async function atReflection() {
      const setup = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!setup.ok) throw new Error(setup.error.code);
      const userId = setup.data.user.id;
      const [project] = await services.projects.listForUser(userId);
      const [workshop] = await database.db.select().from(workshops).where(eq(workshops.projectId, project!.id));
      const opened = await services.live.open(userId, project!.id, { title: 'Verksted' }, { workshopId: workshop!.id });
      if (!opened.ok) throw new Error(opened.error.code);
      const sessionId = opened.data.id;
      const people: string[] = [];
      for (let i = 0; i < 6; i++) {
        const joined = await services.live.join(opened.data.code, null, undefined, {}, (await services.projects.currentConsent(project!.id))?.version ?? null);
        if (!joined.ok) throw new Error(joined.error.code);
        people.push(joined.data.participant.id);
      }
      let snapshot;
      for (let i = 0; i < 7; i++) {
        const moved = await services.live.command(sessionId, { type: 'workshop', command: { type: 'next' } }, { kind: 'facilitator', userId }, people);
        if (!moved.ok) throw new Error(moved.error.code);
        snapshot = moved.data;
      }
      const runtime = snapshot!.state.workshop!;
      const reflection = runtime.activities[runtime.current]!;
      expect(reflection.kind).toBe('reflection');
      expect(runtime.groups).toHaveLength(2);
      return { sessionId, reflectionId: reflection.id, groups: runtime.groups };
    }

    const store = async (docName: string, doc: Y.Doc) => services.yjsPersistence.append(docName, Y.encodeStateAsUpdate(doc));
    const note = (id: string, text: string) => ({ id, text, colour: 'blue' as const, authorKind: 'anonymous' as const, authorName: null, authorKey: 'k', createdAt: 1 });
    const notesKept = (sessionId: string) =>
      database.db.select({ itemKey: feedbackItems.itemKey, groupName: feedbackItems.groupName, text: feedbackItems.text }).from(feedbackItems)
        .where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.kind, 'note')));

    it('keeps every well-formed note of a huge board beside one full of junk, in batches under the parameter limit', async () => {
      const { sessionId, reflectionId, groups } = await atReflection();
      const [a, b] = groups;

      const big = new Y.Doc();
      big.transact(() => {
        for (let i = 0; i < BIG_BOARD; i++) addNote(big, note(`big-${i}`, `Lapp nummer ${i}`));
      });
      await store(boardDocName(sessionId, reflectionId, a!.id), big);

      const junk = new Y.Doc();
      addNote(junk, note('ok-1', 'Før søppelet'));
      const wrongType = new Y.Map<unknown>();
      wrongType.set('id', 'bad-1');
      wrongType.set('text', 42);
      const huge = new Y.Map<unknown>();
      huge.set('id', 'bad-2');
      huge.set('text', 'x'.repeat(100_000));
      notesOf(junk).push(['ikke en lapp', 7, true, null, { id: 'plain-object' }, new Y.Text('tekst'), wrongType, huge]);
      addNote(junk, note('ok-2', 'Etter søppelet'));
      await store(boardDocName(sessionId, reflectionId, b!.id), junk);

      expect(ARCHIVE_BATCH_ROWS * 25).toBeLessThan(65_535);
      const row = await services.live.byId(sessionId);
      const report = await services.boardArchive.archive(row!);
      expect(report).toEqual({ kept: BIG_BOARD + 2, skippedEntries: 8, unreadableBoards: 0 });

      const kept = await notesKept(sessionId);
      expect(kept).toHaveLength(BIG_BOARD + 2);
      expect(kept.filter((k) => k.groupName === b!.name).map((k) => k.itemKey).sort()).toEqual(['ok-1', 'ok-2']);
      expect(new Set(kept.filter((k) => k.groupName === a!.name).map((k) => k.itemKey)).size).toBe(BIG_BOARD);

      // Idempotent: a second run replaces, never doubles.
      expect((await services.boardArchive.archive(row!)).kept).toBe(BIG_BOARD + 2);
      expect(await notesKept(sessionId)).toHaveLength(BIG_BOARD + 2);
    });

    it('keeps the earlier archive of a board whose stored document no longer decodes', async () => {
      const { sessionId, reflectionId, groups } = await atReflection();
      const [a, b] = groups;
      const docA = new Y.Doc();
      addNote(docA, note('a-1', 'Fra gruppe A'));
      await store(boardDocName(sessionId, reflectionId, a!.id), docA);
      const docB = new Y.Doc();
      addNote(docB, note('b-1', 'Fra gruppe B'));
      await store(boardDocName(sessionId, reflectionId, b!.id), docB);
      expect((await services.boardArchive.archive((await services.live.byId(sessionId))!)).kept).toBe(2);

      // Garbage stored behind the content plane's back (a bug or a bad restore), not by a client.
      await services.yjsPersistence.append(boardDocName(sessionId, reflectionId, b!.id), new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]));
      addNote(docA, note('a-2', 'Ny lapp i A'));
      await store(boardDocName(sessionId, reflectionId, a!.id), docA);
      const report = await services.archive.archive(sessionId);
      expect(report).toMatchObject({ state: 'saved', kept: 2, unreadableBoards: 1 });
      expect((await notesKept(sessionId)).map((k) => k.itemKey).sort()).toEqual(['a-1', 'a-2', 'b-1']);
    });
  });
}
