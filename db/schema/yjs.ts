import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './types';

/** Every Yjs update as it arrived, appended before it is relayed (durable first). */
export const yjsUpdates = pgTable(
  'yjs_updates',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    docName: text().notNull(),
    update: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.docName, t.id)],
);

/** The compacted state of a document: all updates up to `lastUpdateId` merged. */
export const yjsSnapshots = pgTable('yjs_snapshots', {
  docName: text().primaryKey(),
  state: bytea().notNull(),
  lastUpdateId: bigint({ mode: 'number' }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Bytes stored per key, checked and raised in the same transaction as the append, so quotas
 * hold across restarts and server processes. `d:<doc>` is what the document holds now (reset
 * to the snapshot's size plus its tail at compaction); `s:<session>:<subject>` is everything
 * one token subject has appended in a session (see lib/yjs/limits.ts).
 */
export const yjsUsage = pgTable('yjs_usage', {
  key: text().primaryKey(),
  bytes: bigint({ mode: 'number' }).notNull(),
});
export type YjsUsageRow = typeof yjsUsage.$inferSelect;
