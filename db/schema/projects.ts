import type { Grid } from '@/lib/qsort/grid';
import type { Instructions } from '@/lib/qsort/instructions';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const projects = pgTable('projects', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  description: text().notNull().default(''),
  /** Reference of the ethics approval or data-protection notification (e.g. Sikt). */
  ethicsReference: text().notNull().default(''),
  /** Shown to participants before they take part. */
  consentText: text().notNull().default(''),
  /**
   * The last day participants' own words are kept; from the day after, retention deletes them and
   * keeps what was counted (lib/lifecycle/retention.ts). Null: kept until the project is deleted.
   */
  retainFreeTextUntil: date({ mode: 'string' }),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp({ withTimezone: true }),
});
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;

export const projectRoles = ['owner', 'facilitator'] as const;
export type ProjectRole = (typeof projectRoles)[number];

export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: projectRoles }).notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index().on(t.userId)],
);
export type ProjectMember = typeof projectMembers.$inferSelect;

export const phases = pgTable(
  'phases',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
  },
  (t) => [index().on(t.projectId, t.position)],
);
export type Phase = typeof phases.$inferSelect;

export const findingStatuses = ['forelopig', 'bekreftet', 'nyansert', 'avkreftet'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** A preliminary finding the researchers bring to workshops (extended by the findings library). */
export const findings = pgTable(
  'findings',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    phaseId: uuid().references(() => phases.id, { onDelete: 'set null' }),
    position: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    quotes: jsonb().$type<string[]>().notNull().default([]),
    reflectionQuestion: text().notNull().default(''),
    theme: text().notNull().default(''),
    status: text({ enum: findingStatuses }).notNull().default('forelopig'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.position)],
);
export type Finding = typeof findings.$inferSelect;

/** A Q-set: the statements a Q-sort is made of. */
export const statementSets = pgTable('statement_sets', {
  id: uuid().primaryKey().defaultRandom(),
  projectId: uuid()
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  /** The forced distribution (lib/qsort/grid.ts); null until designed: a suggested one is used. */
  grid: jsonb().$type<Grid>(),
  /** Instructions per step that replace the defaults (lib/qsort/instructions.ts). */
  instructions: jsonb().$type<Instructions>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type StatementSet = typeof statementSets.$inferSelect;

export const statements = pgTable(
  'statements',
  {
    id: uuid().primaryKey().defaultRandom(),
    setId: uuid()
      .notNull()
      .references(() => statementSets.id, { onDelete: 'cascade' }),
    /** The number researchers use for the statement (1..N in the published set): its id in exports. */
    code: integer().notNull(),
    text: text().notNull(),
    /** Order in the set as shown to participants. */
    position: integer().notNull().default(0),
  },
  (t) => [index().on(t.setId, t.code), uniqueIndex('statements_set_code_idx').on(t.setId, t.code)],
);
export type Statement = typeof statements.$inferSelect;
