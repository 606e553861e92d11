import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { supervisionGroups } from './supervision';
import { users } from './users';
import { workshops } from './workshops';

export const liveSessionKinds = ['plain', 'workshop', 'kollegaveiledning', 'qsort'] as const;
export const liveSessionStatuses = ['open', 'ended'] as const;

/**
 * A live session: the room participants join by code. `state` is the server-authoritative
 * state of its activity and `version` grows by one with every committed change.
 */
export const liveSessions = pgTable(
  'live_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    kind: text({ enum: liveSessionKinds }).notNull().default('plain'),
    title: text().notNull(),
    /** The workshop this session runs, when it runs one. */
    workshopId: uuid().references(() => workshops.id, { onDelete: 'set null' }),
    /** The veiledningsgruppe this kollegaveiledning belongs to, when it is one. */
    supervisionGroupId: uuid().references(() => supervisionGroups.id, { onDelete: 'set null' }),
    status: text({ enum: liveSessionStatuses }).notNull().default('open'),
    state: jsonb().$type<unknown>().notNull(),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    /**
     * Archive requests not yet covered by a saved archive. Raised before a run, lowered by what a
     * successful run covered; above 0 at start means a run was cut short (shutdown, crash, or
     * failed for good), and the server archives the session again.
     */
    archivePending: integer().notNull().default(0),
    /** The last archive status (`ArchiveStatus`), so a console opened after a restart still sees it. */
    archiveStatus: jsonb().$type<unknown>(),
  },
  (t) => [
    // A code identifies one open session; ended sessions may give theirs back.
    uniqueIndex('live_sessions_open_code_idx').on(t.code).where(sql`${t.status} = 'open'`),
    index().on(t.projectId),
    index('live_sessions_archive_pending_idx').on(t.archivePending).where(sql`${t.archivePending} > 0`),
  ],
);
export type LiveSessionRow = typeof liveSessions.$inferSelect;

/** Someone who joined a live session without an account. Identified by a cookie token. */
export const participants = pgTable(
  'participants',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    displayName: text(),
    /** Answers given at join (e.g. office), used for grouping later. */
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.sessionId)],
);
export type ParticipantRow = typeof participants.$inferSelect;
