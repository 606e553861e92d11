import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditActorKinds = ['user', 'participant', 'system'] as const;

/** Who did what, for accountability towards the project and data-rights requests. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: text({ enum: auditActorKinds }).notNull(),
    actorId: text(),
    action: text().notNull(),
    projectId: uuid(),
    target: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.projectId, t.at)],
);
export type AuditEntry = typeof auditLog.$inferInsert;
