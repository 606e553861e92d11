import { and, asc, eq, gt, like, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { liveSessions, yjsSnapshots, yjsUpdates, yjsUsage } from '@/db/schema';
import { parseYjsDocName } from '@/lib/protocol';
import { docUsageKey } from '@/lib/yjs/limits';

export interface LoadedDoc {
  /** Snapshot and newer updates merged into one update. */
  state: Uint8Array | null;
  /** Highest update id folded into `state`; compaction deletes up to here. */
  lastUpdateId: number;
  /** Updates appended since the snapshot; drives when to compact. */
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
      const [snapshot] = await db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName));
      const after = snapshot?.lastUpdateId ?? 0;
      const rows = await db
        .select({ id: yjsUpdates.id, update: yjsUpdates.update })
        .from(yjsUpdates)
        .where(and(eq(yjsUpdates.docName, docName), gt(yjsUpdates.id, after)))
        .orderBy(asc(yjsUpdates.id));
      // Bounded: the document's budget caps snapshot plus tail, so this merge stays small.
      const parts = [...(snapshot ? [snapshot.state] : []), ...rows.map((r) => r.update)];
      return {
        state: parts.length === 0 ? null : Y.mergeUpdates(parts),
        lastUpdateId: rows.at(-1)?.id ?? after,
        pendingUpdates: rows.length,
      };
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
     * Replaces the snapshot with `state` and drops the updates it contains, atomically; the
     * document's usage becomes what it now holds (the snapshot and any newer updates).
     */
    async compact(docName: string, state: Uint8Array, upToId: number): Promise<void> {
      await db.transaction(async (tx) => {
        // A document still in memory when its session was deleted must not come back.
        if (!(await sessionStands(tx, docName))) return;
        await tx
          .insert(yjsSnapshots)
          .values({ docName, state, lastUpdateId: upToId })
          .onConflictDoUpdate({
            target: yjsSnapshots.docName,
            set: { state, lastUpdateId: upToId, updatedAt: sql`now()` },
          });
        await tx.delete(yjsUpdates).where(and(eq(yjsUpdates.docName, docName), lte(yjsUpdates.id, upToId)));
        const [tail] = await tx
          .select({ bytes: sql<string>`coalesce(sum(octet_length(${yjsUpdates.update})), 0)` })
          .from(yjsUpdates)
          .where(and(eq(yjsUpdates.docName, docName), gt(yjsUpdates.id, upToId)));
        const bytes = state.length + Number(tail?.bytes ?? 0);
        await tx.insert(yjsUsage).values({ key: docUsageKey(docName), bytes }).onConflictDoUpdate({ target: yjsUsage.key, set: { bytes } });
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
