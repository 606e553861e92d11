import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Round } from '@/lib/supervision/template';
import { phases, projects } from './projects';

/**
 * A project's kollegaveiledning templates: editable copies of the built-ins (or new ones).
 * `rounds` is validated by lib/supervision/template.ts.
 */
export const supervisionTemplates = pgTable(
  'supervision_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Which built-in this started as, if any (so it is seeded once per project). */
    builtinKey: text(),
    position: integer().notNull().default(0),
    name: text().notNull(),
    description: text().notNull().default(''),
    allowSkip: boolean().notNull().default(false),
    rounds: jsonb().$type<Round[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.position)],
);
export type SupervisionTemplateRow = typeof supervisionTemplates.$inferSelect;

/**
 * A standing veiledningsgruppe (e.g. an office's group meeting every 14 days). Its meetings
 * are live sessions; each opens with the agreements from the one before.
 */
export const supervisionGroups = pgTable(
  'supervision_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    phaseId: uuid().references(() => phases.id, { onDelete: 'set null' }),
    name: text().notNull(),
    templateId: uuid().references(() => supervisionTemplates.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId)],
);
export type SupervisionGroupRow = typeof supervisionGroups.$inferSelect;
