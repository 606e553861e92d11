import { activityKinds as registeredKinds, type ActivityKindName } from '../../lib/activities/registry';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { findings, findingStatuses, phases, projects } from './projects';
import { users } from './users';

/** Every status change of a finding, with the evidence note, so its history can be shown. */
export const findingStatusChanges = pgTable(
  'finding_status_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    findingId: uuid()
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    fromStatus: text({ enum: findingStatuses }).notNull(),
    toStatus: text({ enum: findingStatuses }).notNull(),
    note: text().notNull().default(''),
    changedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.findingId, t.changedAt)],
);
export type FindingStatusChange = typeof findingStatusChanges.$inferSelect;

/** An utviklingsverksted: a dated event in a project with an agenda of activities. */
export const workshops = pgTable(
  'workshops',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    phaseId: uuid().references(() => phases.id, { onDelete: 'set null' }),
    title: text().notNull(),
    date: date({ mode: 'string' }),
    place: text().notNull().default(''),
    /** Whether participants may give their name; anonymous otherwise. */
    allowNames: boolean().notNull().default(false),
    /** Tallies are shown on the big screen only from this many answers (identification risk). */
    minRevealCount: integer().notNull().default(3),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId)],
);
export type Workshop = typeof workshops.$inferSelect;

/** The registered activity kinds (lib/activities/registry.ts); a text column, so a new kind needs no migration. */
export const activityKinds = registeredKinds as [ActivityKindName, ...ActivityKindName[]];
export type ActivityKind = ActivityKindName;

/** One step of a workshop's agenda; `config` is validated by lib/workshop/agenda.ts per kind. */
export const workshopActivities = pgTable(
  'workshop_activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    workshopId: uuid()
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: text({ enum: activityKinds }).notNull(),
    title: text().notNull(),
    config: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index().on(t.workshopId, t.position)],
);
export type WorkshopActivity = typeof workshopActivities.$inferSelect;
