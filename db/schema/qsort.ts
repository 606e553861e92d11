import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SortState } from '@/lib/qsort/sort';
import { liveSessions, participants } from './live';
import { statementSets } from './projects';

export const qsortStatuses = ['sorting', 'done'] as const;

/**
 * One participant's Q-sort in a live session, saved whole after every change so a reload or
 * another device resumes it. Only a pseudonym is kept, never a name.
 */
export const qsortSources = ['live', 'paper', 'import'] as const;
export type QsortSource = (typeof qsortSources)[number];

export const qsorts = pgTable(
  'q_sorts',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    /** Who may continue it; set to null if the participant's contributions are deleted. */
    participantId: uuid().references(() => participants.id, { onDelete: 'set null' }),
    /**
     * The workshop activity the sort belongs to, so one workshop can run several Q-sorts; '' in a
     * standalone Q-sort session. Not null, so the unique index below treats standalone sorts alike.
     */
    activityId: text().notNull().default(''),
    /** The set it was sorted from; the session keeps its own frozen copy, so sorts outlive the set. */
    setId: uuid().references(() => statementSets.id, { onDelete: 'set null' }),
    state: jsonb().$type<SortState>().notNull(),
    /** Grows with every save from the participant's device; an older save never overwrites a newer one. */
    rev: integer().notNull().default(0),
    status: text({ enum: qsortStatuses }).notNull().default('sorting'),
    /** A statement the participant asked for help with (null: the sort itself), while unanswered. */
    helpRequestedAt: timestamp({ withTimezone: true }),
    helpStatement: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    /** Where the sort came from: a participant's device, a paper sort the researcher typed in, or an imported file. */
    source: text({ enum: qsortSources }).notNull().default('live'),
  },
  (t) => [uniqueIndex('q_sorts_session_activity_participant_idx').on(t.sessionId, t.activityId, t.participantId), index().on(t.setId)],
);
export type QsortRow = typeof qsorts.$inferSelect;
