import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems, qsorts } from '@/db/schema';
import { clientEvents } from '@/lib/protocol';
import { seedGrid } from '@/lib/qsort/grid';
import { emptySort } from '@/lib/qsort/sort';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { tablesContaining } from '../../test/stored-text';
import { emit, workshopRoom } from '../../test/workshop-room';

/*
 * Review of issue 10, R13: a Q-sort pseudonym is something the participant typed (often their
 * own first name), but no redaction target reaches it: redacting every comment of the sort
 * hides it on those comments in the archive, yet the sort keeps it, and the exports name the
 * sort by it (qsort-service `finished`).
 */

describe.each(harnessDrivers())('review: a Q-sort pseudonym (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
  }, 120_000);
  afterEach(() => h.cleanup());

  it('is gone once every comment of its sort has been redacted', async () => {
    const db = h.server.services.database.db;
    const room = await workshopRoom(h, 1);
    const pseudonym = `Kari${crypto.randomUUID().slice(0, 8)}`;
    const state = { ...emptySort(seedGrid), step: 'done' as const, comments: { s1: 'Enig i dette' }, missing: 'Savner noe om tillit', pseudonym };
    const [sort] = await db.insert(qsorts).values({ sessionId: room.sessionId, participantId: room.phones[0]!.id, state, status: 'done' }).returning();
    const projectId = (await h.server.services.live.byId(room.sessionId))!.projectId;
    const rows = await db
      .insert(feedbackItems)
      .values([
        { projectId, sessionId: room.sessionId, kind: 'q_comment', authorKind: 'pseudonym', authorName: pseudonym, itemKey: sort!.id, text: state.comments.s1, data: { statement: 's1', statementText: 'Utsagn' } },
        { projectId, sessionId: room.sessionId, kind: 'q_comment', authorKind: 'pseudonym', authorName: pseudonym, itemKey: sort!.id, text: state.missing, data: { statement: null } },
      ])
      .returning();
    for (const row of rows) {
      expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: row.id } })).toMatchObject({ ok: true });
    }
    // Every comment it was shown with is redacted; nothing should still hold the name.
    expect(await tablesContaining(db, pseudonym)).toEqual([]);
  }, 120_000);
});
