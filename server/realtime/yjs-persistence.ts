import { and, asc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { liveSessions, yjsSnapshots, yjsUpdates, yjsUsage } from '@/db/schema';
import { parseYjsDocName } from '@/lib/protocol';
import { docUsageKey } from '@/lib/yjs/limits';

export interface LoadedDoc {
  /** Snapshot and every update not yet folded into it, merged into one update. */
  state: Uint8Array | null;
  /** Highest update id in `state` (folded into the snapshot or read with it). */
  lastUpdateId: number;
  /** Updates stored beside the snapshot; drives when to compact. */
  pendingUpdates: number;
}

/**
 * How much the document may hold after an append, and who pays for it: a client's write names
 * its subject; the server's own writes (merges) are bounded by the document's budget alone.
 */
export type AppendQuota = {
  docBudget: number;
  /**
   * Asked inside the transaction, just before the update is stored: false rolls the append
   * back (`YJS_READ_ONLY`), so access withdrawn while the append waited for the database holds.
   */
  stillAllowed?: () => boolean;
} & ({ subjectKey: string; subjectBudget: number } | { subjectKey?: never; subjectBudget?: never });

type RefusalCode = 'YJS_DOC_FULL' | 'YJS_QUOTA' | 'YJS_READ_ONLY';
export type AppendResult = { ok: true; id: number } | { ok: false; code: RefusalCode };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

class OverBudget extends Error {
  override name = 'OverBudget';
  constructor(readonly code: RefusalCode) {
    super(code);
  }
}

/**
 * Raises a usage counter by `bytes`, but only while it stays within `cap` (null: always). One
 * statement, so two servers appending at once cannot both slip under the cap: the row lock of
 * the upsert orders them.
 */
async function raise(tx: Tx, key: string, bytes: number, cap: number | null): Promise<boolean> {
  const rows = await tx
    .insert(yjsUsage)
    .values({ key, bytes })
    .onConflictDoUpdate({
      target: yjsUsage.key,
      set: { bytes: sql`"yjs_usage"."bytes" + excluded."bytes"` },
      ...(cap === null ? {} : { setWhere: sql`"yjs_usage"."bytes" + excluded."bytes" <= ${cap}` }),
    })
    .returning({ bytes: yjsUsage.bytes });
  const row = rows[0];
  return row !== undefined && (cap === null || row.bytes <= cap);
}

/**
 * Whether the live session a document belongs to still exists (documents of no session: always),
 * under a key-share lock: deleting the session (deletion-service.ts) locks it for update first,
 * so a write either lands before the deletion, which then removes it, or finds no session.
 */
async function sessionStands(tx: Tx, docName: string): Promise<boolean> {
  const ref = parseYjsDocName(docName);
  if (!ref) return true;
  const rows = await tx.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.id, ref.sessionId)).for('key share');
  return rows.length > 0;
}

/** First key of the advisory locks taken around compaction (the second is the document name's hash). */
const COMPACTION_LOCK_SPACE = 0x596a73; // "Yjs"

/** Rows of a raw `execute`: node-postgres answers `{ rows }`, PGlite the same shape. */
const rowsOf = (result: unknown): unknown[] => (result as { rows?: unknown[] }).rows ?? [];

/**
 * Snapshot plus updates as one update, built in a document with garbage collection: the
 * content of items deleted in any of them is dropped (merging the bytes with `Y.mergeUpdates`
 * would keep it).
 */
function foldGarbageCollected(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, Y.mergeUpdates([...(snapshot ? [snapshot] : []), ...updates]));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The snapshot (when it holds ids above `afterId`, or always from 0) and the stored updates
 * above `afterId`. Every update row still stored is one compaction has not folded in, whatever
 * its id: an append that committed after a compaction read the table keeps its row.
 */
async function readStored(db: Db, docName: string, afterId: number): Promise<LoadedDoc> {
  const [snapshot] = await db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName));
  const rows = await db
    .select({ id: yjsUpdates.id, update: yjsUpdates.update })
    .from(yjsUpdates)
    .where(and(eq(yjsUpdates.docName, docName), gt(yjsUpdates.id, afterId)))
    .orderBy(asc(yjsUpdates.id));
  const withSnapshot = snapshot && (afterId === 0 || snapshot.lastUpdateId > afterId);
  // Bounded: the document's budget caps snapshot plus tail, so this merge stays small.
  const parts = [...(withSnapshot ? [snapshot.state] : []), ...rows.map((r) => r.update)];
  return {
    state: parts.length === 0 ? null : Y.mergeUpdates(parts),
    lastUpdateId: Math.max(afterId, withSnapshot ? snapshot.lastUpdateId : 0, ...rows.map((r) => r.id)),
    pendingUpdates: rows.length,
  };
}

/**
 * Yjs storage in the database: every update is appended before it is applied and relayed,
 * and from time to time the updates are folded into one snapshot row. Appends are counted
 * against the document's and the writer's budget in the same transaction.
 */
export function createYjsPersistence(db: Db) {
  /**
   * Lower bounds of subject usage seen by this process. A subject's usage only grows, so an
   * append that would pass its budget even from the bound is refused without a database trip:
   * a flood past the budget costs no transaction per message.
   */
  const subjectFloor = new Map<string, number>();
  return {
    async fetch(docName: string): Promise<LoadedDoc> {
      return readStored(db, docName, 0);
    },

    /**
     * What another process stored since this one last looked: the updates with an id above
     * `afterId`, or, when compaction has folded some of them away meanwhile, the snapshot as
     * well. Applying it twice does no harm (Yjs updates are idempotent).
     */
    async since(docName: string, afterId: number): Promise<LoadedDoc> {
      return readStored(db, docName, afterId);
    },

    /**
     * Appends one update if the budgets allow; returns its id, or why it was refused (then
     * nothing was stored; `YJS_READ_ONLY` also when the document's session was deleted). Without `quota` (tests and tools) it is only counted.
     */
    async append(docName: string, update: Uint8Array, quota?: AppendQuota): Promise<AppendResult> {
      const subject = quota?.subjectKey === undefined ? null : { key: quota.subjectKey, budget: quota.subjectBudget };
      if (subject && (subjectFloor.get(subject.key) ?? 0) + update.length > subject.budget) return { ok: false, code: 'YJS_QUOTA' };
      try {
        const id = await db.transaction(async (tx) => {
          if (!(await sessionStands(tx, docName))) throw new OverBudget('YJS_READ_ONLY');
          if (subject && !(await raise(tx, subject.key, update.length, subject.budget))) {
            // Refused means usage + length > budget, so usage is at least this.
            subjectFloor.set(subject.key, Math.max(subjectFloor.get(subject.key) ?? 0, subject.budget - update.length + 1));
            throw new OverBudget('YJS_QUOTA');
          }
          if (!(await raise(tx, docUsageKey(docName), update.length, quota ? quota.docBudget : null))) throw new OverBudget('YJS_DOC_FULL');
          if (quota?.stillAllowed && !quota.stillAllowed()) throw new OverBudget('YJS_READ_ONLY');
          const [row] = await tx.insert(yjsUpdates).values({ docName, update }).returning({ id: yjsUpdates.id });
          if (!row) throw new Error('insert returned no row');
          return row.id;
        });
        return { ok: true, id };
      } catch (err) {
        if (err instanceof OverBudget) return { ok: false, code: err.code };
        throw err;
      }
    },

    /**
     * Folds the stored updates into the stored snapshot, from what is stored and never from one
     * process's memory: another process's updates to the same document are kept. One writer at
     * a time per document (a transaction-scoped advisory lock; a process that finds it taken
     * skips, the holder is compacting anyway). The document's usage row is locked first, so
     * appends, which raise it, wait until the new snapshot is in; only the rows that were read
     * are deleted. The document is rebuilt with garbage collection, so the content of deleted
     * items (a purge) is not carried into the snapshot. Returns whether it compacted.
     */
    async compact(docName: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        // A document still in memory when its session was deleted must not come back.
        if (!(await sessionStands(tx, docName))) return false;
        const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(${COMPACTION_LOCK_SPACE}, hashtext(${docName})) as locked`);
        if (!(rowsOf(locked)[0] as { locked?: boolean } | undefined)?.locked) return false;
        await tx.select({ key: yjsUsage.key }).from(yjsUsage).where(eq(yjsUsage.key, docUsageKey(docName))).for('update');
        const [snapshot] = await tx.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName));
        const rows = await tx
          .select({ id: yjsUpdates.id, update: yjsUpdates.update })
          .from(yjsUpdates)
          .where(eq(yjsUpdates.docName, docName))
          .orderBy(asc(yjsUpdates.id));
        if (rows.length === 0) return false;
        const state = foldGarbageCollected(snapshot?.state ?? null, rows.map((r) => r.update));
        const lastUpdateId = Math.max(snapshot?.lastUpdateId ?? 0, ...rows.map((r) => r.id));
        await tx
          .insert(yjsSnapshots)
          .values({ docName, state, lastUpdateId })
          .onConflictDoUpdate({ target: yjsSnapshots.docName, set: { state, lastUpdateId, updatedAt: sql`now()` } });
        for (let i = 0; i < rows.length; i += 500) {
          await tx.delete(yjsUpdates).where(inArray(yjsUpdates.id, rows.slice(i, i + 500).map((r) => r.id)));
        }
        // Appends wait on the usage row, so nothing is stored beside the new snapshot yet.
        const bytes = state.length;
        await tx.insert(yjsUsage).values({ key: docUsageKey(docName), bytes }).onConflictDoUpdate({ target: yjsUsage.key, set: { bytes } });
        return true;
      });
    },

    /** The bytes counted for a usage key (0 when nothing was counted). */
    async usage(key: string): Promise<number> {
      const [row] = await db.select({ bytes: yjsUsage.bytes }).from(yjsUsage).where(eq(yjsUsage.key, key));
      return row?.bytes ?? 0;
    },

    /** Names of stored documents that start with `prefix` (drafts of one board, say). */
    async namesStartingWith(prefix: string): Promise<string[]> {
      const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const snapshots = await db.select({ name: yjsSnapshots.docName }).from(yjsSnapshots).where(like(yjsSnapshots.docName, pattern));
      const updates = await db.selectDistinct({ name: yjsUpdates.docName }).from(yjsUpdates).where(like(yjsUpdates.docName, pattern));
      return [...new Set([...snapshots, ...updates].map((r) => r.name))].sort();
    },
  };
}
export type YjsPersistence = ReturnType<typeof createYjsPersistence>;
