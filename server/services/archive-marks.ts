import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { liveSessions } from '@/db/schema';
import type { ArchiveStatus } from '@/lib/archive-status';

/**
 * What the database remembers about archiving, so a run cut short by a shutdown or crash is not
 * lost: a count of requests not yet covered by a saved archive, and the last status.
 */
export interface ArchiveMarks {
  /** Counts one more request; call before the run that serves it. */
  request(sessionId: string): Promise<void>;
  /** Requests so far; read before an attempt reads anything, so it covers exactly these. */
  requested(sessionId: string): Promise<number>;
  /** Keeps a status; with `covered`, lowers the count by the requests a saved attempt served. */
  record(status: ArchiveStatus, covered?: number): Promise<void>;
  /** Sessions with requests no saved archive covered, oldest first. */
  pending(): Promise<string[]>;
}

export function createArchiveMarks(db: Db): ArchiveMarks {
  return {
    async request(sessionId) {
      await db
        .update(liveSessions)
        .set({ archivePending: sql`${liveSessions.archivePending} + 1` })
        .where(eq(liveSessions.id, sessionId));
    },
    async requested(sessionId) {
      const [row] = await db.select({ pending: liveSessions.archivePending }).from(liveSessions).where(eq(liveSessions.id, sessionId));
      return row?.pending ?? 0;
    },
    async record(status, covered) {
      // Requests made while the attempt ran are not covered: they keep the count above zero.
      const lowered = covered === undefined ? {} : { archivePending: sql`greatest(${liveSessions.archivePending} - ${covered}, 0)` };
      await db
        .update(liveSessions)
        .set({ archiveStatus: status, ...lowered })
        .where(eq(liveSessions.id, status.sessionId));
    },
    async pending() {
      const rows = await db
        .select({ id: liveSessions.id })
        .from(liveSessions)
        .where(gt(liveSessions.archivePending, 0))
        .orderBy(asc(liveSessions.createdAt));
      return rows.map((r) => r.id);
    },
  };
}
