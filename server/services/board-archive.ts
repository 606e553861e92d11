import { and, eq, getTableColumns, inArray, not, or } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { feedbackItems, workshops, type LiveSessionRow, type NewFeedbackItem } from '@/db/schema';
import { readLiveState } from '@/lib/live-session';
import { personalDataKinds } from '@/lib/privacy-guard';
import { boardDocName, readBoard, summariseSkipped } from '@/lib/workshop/board';
import type { Logger } from '../logger';
import { isDatabaseError } from './db-errors';
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
 * Copies what lives in Yjs boards and in the plenary (notes, clusters and their dot counts)
 * into feedback items, so the project keeps it. Idempotent: it replaces what it wrote before
 * for the session, and runs whenever the agenda moves on and when the session ends.
 */
export function createBoardArchive(db: Db, persistence: YjsPersistence, log: Logger) {
  /** A board's notes, or null when its stored document does not decode. */
  async function boardNotes(docName: string) {
    const doc = new Y.Doc();
    try {
      // Merging the stored updates decodes them too, so a corrupt row fails here already.
      const loaded = await persistence.fetch(docName);
      if (!loaded.state) return { notes: [], skipped: [] };
      Y.applyUpdate(doc, loaded.state);
      const board = readBoard(doc);
      if (board.skipped.length > 0) log.warn({ docName, skipped: summariseSkipped(board.skipped) }, 'board entries skipped while archiving');
      return board;
    } catch (err) {
      if (isDatabaseError(err)) throw err;
      log.error({ err, docName }, 'board document does not decode; its earlier archive is kept');
      return null;
    } finally {
      doc.destroy();
    }
  }

  return {
    async archive(session: LiveSessionRow): Promise<BoardArchiveReport> {
      const report: BoardArchiveReport = { kept: 0, skippedEntries: 0, unreadableBoards: 0 };
      const runtime = readLiveState(session.state).workshop;
      if (!runtime) return report;
      const [workshop] = session.workshopId ? await db.select({ phaseId: workshops.phaseId }).from(workshops).where(eq(workshops.id, session.workshopId)) : [];
      const base = { projectId: session.projectId, phaseId: workshop?.phaseId ?? null, workshopId: session.workshopId, sessionId: session.id };
      const hidden = new Set(runtime.hiddenItems);
      const items: NewFeedbackItem[] = [];
      const noteTexts = new Map<string, string>();
      const keepAsIs: { activityId: string; groupName: string }[] = [];

      for (const activity of runtime.activities) {
        if (activity.kind !== 'reflection') continue;
        for (const group of runtime.groups) {
          const board = await boardNotes(boardDocName(session.id, activity.id, group.id));
          if (!board) {
            report.unreadableBoards += 1;
            keepAsIs.push({ activityId: activity.id, groupName: group.name });
            continue;
          }
          report.skippedEntries += board.skipped.length;
          for (const note of board.notes) {
            if (note.redacted) {
              // Kept as a marker, so the archive shows that something was taken out.
              items.push({ ...base, activityId: activity.id, kind: 'note', itemKey: note.id, authorKind: note.authorKind, groupName: group.name, text: '', redactedAt: new Date() });
              continue;
            }
            // Board text bypasses the form check if a client misbehaves: never archive it then.
            if (!note.text.trim() || personalDataKinds(note.text).length > 0) continue;
            noteTexts.set(note.id, note.text);
            items.push({
              ...base,
              activityId: activity.id,
              kind: 'note',
              itemKey: note.id,
              authorKind: note.authorKind,
              authorName: note.authorKind === 'named' ? note.authorName : null,
              groupName: group.name,
              text: note.text,
              data: { colour: note.colour, prompt: activity.config.prompt },
              hiddenAt: hidden.has(note.id) ? new Date() : null,
            });
          }
        }
      }

      const plenary = runtime.activities.find((a) => a.kind === 'plenary');
      if (plenary) {
        const ballots = await db
          .select({ data: feedbackItems.data })
          .from(feedbackItems)
          .where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'vote_count')));
        for (const cluster of runtime.clusters) {
          const votes = ballots.reduce((sum, b) => sum + ((b.data.votes as Record<string, number> | undefined)?.[cluster.id] ?? 0), 0);
          items.push({
            ...base,
            activityId: plenary.id,
            kind: 'cluster',
            itemKey: cluster.id,
            authorKind: 'facilitator',
            findingId: cluster.findingId,
            theme: cluster.name,
            text: cluster.name,
            value: votes,
            data: { notes: cluster.noteIds.flatMap((id) => (noteTexts.has(id) ? [noteTexts.get(id)] : [])) },
          });
        }
      }

      const untouched = keepAsIs.map((b) => and(eq(feedbackItems.kind, 'note'), eq(feedbackItems.activityId, b.activityId), eq(feedbackItems.groupName, b.groupName)));
      await db.transaction(async (tx) => {
        await lockRowSet(tx, `board-archive:${session.id}`);
        const ours = and(eq(feedbackItems.sessionId, session.id), inArray(feedbackItems.kind, ['note', 'cluster']));
        await tx.delete(feedbackItems).where(untouched.length > 0 ? and(ours, not(or(...untouched)!)) : ours);
        await insertInBatches(tx, items);
      });
      report.kept = items.length;
      return report;
    },
  };
}
export type BoardArchive = ReturnType<typeof createBoardArchive>;
