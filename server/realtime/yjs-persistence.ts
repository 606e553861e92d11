import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { yjsSnapshots, yjsUpdates } from '@/db/schema';

export interface LoadedDoc {
  /** Snapshot and newer updates merged into one update. */
  state: Uint8Array | null;
  /** Highest update id folded into `state`; compaction deletes up to here. */
  lastUpdateId: number;
  /** Updates appended since the snapshot; drives when to compact. */
  pendingUpdates: number;
}

/**
 * Yjs storage in the database: every update is appended before it is applied and relayed,
 * and from time to time the updates are folded into one snapshot row.
 */
export function createYjsPersistence(db: Db) {
  return {
    async fetch(docName: string): Promise<LoadedDoc> {
      const [snapshot] = await db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName));
      const after = snapshot?.lastUpdateId ?? 0;
      const rows = await db
        .select({ id: yjsUpdates.id, update: yjsUpdates.update })
        .from(yjsUpdates)
        .where(and(eq(yjsUpdates.docName, docName), gt(yjsUpdates.id, after)))
        .orderBy(asc(yjsUpdates.id));
      const parts = [...(snapshot ? [snapshot.state] : []), ...rows.map((r) => r.update)];
      return {
        state: parts.length === 0 ? null : Y.mergeUpdates(parts),
        lastUpdateId: rows.at(-1)?.id ?? after,
        pendingUpdates: rows.length,
      };
    },

    /** Appends one update; returns its id. The caller applies the update only after this. */
    async append(docName: string, update: Uint8Array): Promise<number> {
      const [row] = await db.insert(yjsUpdates).values({ docName, update }).returning({ id: yjsUpdates.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    /** Replaces the snapshot with `state` and drops the updates it contains, atomically. */
    async compact(docName: string, state: Uint8Array, upToId: number): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .insert(yjsSnapshots)
          .values({ docName, state, lastUpdateId: upToId })
          .onConflictDoUpdate({
            target: yjsSnapshots.docName,
            set: { state, lastUpdateId: upToId, updatedAt: sql`now()` },
          });
        await tx.delete(yjsUpdates).where(and(eq(yjsUpdates.docName, docName), lte(yjsUpdates.id, upToId)));
      });
    },
  };
}
export type YjsPersistence = ReturnType<typeof createYjsPersistence>;
