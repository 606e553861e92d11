import { sql } from 'drizzle-orm';
import { kindFeedbackKinds } from '../../lib/activities/registry';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { liveSessions, participants } from './live';
import { findings, phases, projects } from './projects';
import { workshopActivities, workshops } from './workshops';

/** What the activity kinds store, each declared by its kind (`feedback` in lib/activities/<kind>/); a text column, so a new one needs no migration. */
export const feedbackKinds = kindFeedbackKinds;
export type FeedbackKind = (typeof feedbackKinds)[number];
export const authorKinds = ['named', 'anonymous', 'group', 'pseudonym', 'facilitator'] as const;
export type AuthorKind = (typeof authorKinds)[number];
export const findingResponses = ['kjenner_igjen', 'nyanserer', 'avkrefter'] as const;
export type FindingResponse = (typeof findingResponses)[number];

/** PostgreSQL's tsvector; drizzle has no type of its own for it. Only ever read through SQL. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Formative feedback: everything a live activity produces, linked to project → phase →
 * workshop → activity → finding/theme. `participantId` lets a participant edit or delete
 * their own item during the session; it is never shown, so anonymous stays anonymous.
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    phaseId: uuid().references(() => phases.id, { onDelete: 'set null' }),
    workshopId: uuid().references(() => workshops.id, { onDelete: 'set null' }),
    sessionId: uuid().references(() => liveSessions.id, { onDelete: 'set null' }),
    activityId: uuid().references(() => workshopActivities.id, { onDelete: 'set null' }),
    findingId: uuid().references(() => findings.id, { onDelete: 'set null' }),
    theme: text(),
    kind: text({ enum: feedbackKinds }).notNull(),
    authorKind: text({ enum: authorKinds }).notNull(),
    authorName: text(),
    participantId: uuid().references(() => participants.id, { onDelete: 'set null' }),
    /** Group the item came from (reflection boards), e.g. "Gruppe 2". */
    groupName: text(),
    /** External key that makes an item unique within its activity (note id, word, question id). */
    itemKey: text(),
    response: text({ enum: findingResponses }),
    text: text().notNull().default(''),
    value: integer(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    hiddenAt: timestamp({ withTimezone: true }),
    /**
     * Set when a facilitator redacted the item: its text and data are emptied in the same
     * update, and every view shows a marker instead. Who did it is in the audit log.
     */
    redactedAt: timestamp({ withTimezone: true }),
    /**
     * The archive's Norwegian full-text index of the item's words: its text, theme and group,
     * and the words kept in its data (a SMART agreement's other fields, a case's question).
     * Generated, so every writer keeps it current; a redacted item's emptied text and data empty it too.
     */
    // Built with || and coalesce: concat_ws is only stable, and a generated column needs immutable parts.
    searchVector: tsvector().generatedAlwaysAs(
      (): ReturnType<typeof sql> =>
        sql`to_tsvector('norwegian'::regconfig, coalesce(text, '') || ' ' || coalesce(theme, '') || ' ' || coalesce(group_name, '') || ' ' || coalesce(data->>'measurable', '') || ' ' || coalesce(data->>'acknowledged', '') || ' ' || coalesce(data->>'realistic', '') || ' ' || coalesce(data->>'evaluate', '') || ' ' || coalesce(data->>'question', ''))`,
    ),
  },
  (t) => [
    index().on(t.projectId, t.createdAt),
    index().on(t.findingId),
    index().on(t.sessionId, t.activityId),
    index('feedback_items_search_idx').using('gin', t.searchVector),
    // One answer per participant and question: answering again replaces the earlier answer.
    uniqueIndex('feedback_participant_item_idx')
      .on(t.activityId, t.participantId, t.kind, t.itemKey)
      .where(sql`${t.participantId} is not null`),
  ],
);
export type FeedbackItem = typeof feedbackItems.$inferSelect;
export type NewFeedbackItem = typeof feedbackItems.$inferInsert;
