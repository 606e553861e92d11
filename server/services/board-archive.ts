import { and, eq, getTableColumns, inArray, not, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, workshops, type FeedbackKind, type LiveSessionRow, type NewFeedbackItem } from '@/db/schema';
import { readLiveState } from '@/lib/live-session';
import { serverActivityModules } from '../activities/registry';
import type { Logger } from '../logger';
import { lockRowSet } from './replace-lock';
import type { YjsPersistence } from '../realtime/yjs-persistence';

/**
 * PostgreSQL binds at most 65,535 parameters per statement; a board of thousands of notes in
 * one insert passes that. Rows go in batches far below it, inside the one transaction.
 */
const MAX_PARAMETERS_PER_STATEMENT = 16_000;
export const ARCHIVE_BATCH_ROWS = Math.floor(MAX_PARAMETERS_PER_STATEMENT / Object.keys(getTableColumns(feedbackItems)).length);

/** What one archive run kept and what it had to leave out. */
export interface BoardArchiveReport {
  /** Notes and clusters written. */
  kept: number;
  /** Board entries that were not well-formed notes (see `readBoard`), over all boards. */
  skippedEntries: number;
  /** Boards whose stored document would not decode: their earlier archive rows stay as they were. */
  unreadableBoards: number;
}

/** Inserts in batches under the parameter limit; the caller's transaction keeps it all-or-nothing. */
export async function insertInBatches(tx: Pick<Db, 'insert'>, rows: NewFeedbackItem[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ARCHIVE_BATCH_ROWS) {
    await tx.insert(feedbackItems).values(rows.slice(i, i + ARCHIVE_BATCH_ROWS));
  }
}

/**
 * Keeps what the session's activities produced and hold nowhere else (board notes, clusters
 * with their dot counts) as feedback items, so the project keeps it: each kind's `keep`
 * (server/activities/<kind>/), in registry order. Idempotent: one transaction replaces what the
 * kinds wrote before for the session; it runs whenever the agenda moves on and when the session ends.
 */
export function createBoardArchive(db: Db, persistence: YjsPersistence, log: Logger) {
  return {
    async archive(session: LiveSessionRow): Promise<BoardArchiveReport> {
      const report: BoardArchiveReport = { kept: 0, skippedEntries: 0, unreadableBoards: 0 };
      const runtime = readLiveState(session.state).workshop;
      if (!runtime) return report;
      const [workshop] = session.workshopId ? await db.select({ phaseId: workshops.phaseId }).from(workshops).where(eq(workshops.id, session.workshopId)) : [];
      const base = { projectId: session.projectId, phaseId: workshop?.phaseId ?? null, workshopId: session.workshopId, sessionId: session.id };
      const items: NewFeedbackItem[] = [];
      const kinds: FeedbackKind[] = [];
      const keepAsIs: SQL[] = [];

      for (const kind of serverActivityModules) {
        if (!kind.keep) continue;
        const activities = runtime.activities.filter((a) => a.kind === kind.kind);
        kinds.push(...kind.keptKinds);
        if (activities.length === 0) continue;
        const kept = await kind.keep({ db, persistence, log, session, runtime, base, keptSoFar: items }, activities);
        items.push(...kept.items);
        report.skippedEntries += kept.skippedEntries;
        report.unreadableBoards += kept.unreadable.length;
        for (const b of kept.unreadable) keepAsIs.push(and(inArray(feedbackItems.kind, kind.keptKinds), eq(feedbackItems.activityId, b.activityId), eq(feedbackItems.groupName, b.groupName))!);
      }
      if (kinds.length === 0) return report;

      await db.transaction(async (tx) => {
        await lockRowSet(tx, `board-archive:${session.id}`);
        const ours = and(eq(feedbackItems.sessionId, session.id), inArray(feedbackItems.kind, kinds));
        await tx.delete(feedbackItems).where(keepAsIs.length > 0 ? and(ours, not(or(...keepAsIs)!)) : ours);
        await insertInBatches(tx, items);
      });
      report.kept = items.length;
      return report;
    },
  };
}
export type BoardArchive = ReturnType<typeof createBoardArchive>;
