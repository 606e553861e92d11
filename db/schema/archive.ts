import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { feedbackItems } from './feedback';
import { projects } from './projects';
import { users } from './users';

/**
 * A project's own words for what its feedback is about: themes or research questions
 * ("Relasjon til brukeren", "FS2: Hva lærer veilederne?"). Names are free text, guarded.
 */
export const archiveTags = pgTable(
  'archive_tags',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // "Relasjon" and "relasjon" are one tag: tagging by name finds the existing one.
  (t) => [uniqueIndex('archive_tags_project_name_idx').on(t.projectId, sql`lower(${t.name})`)],
);
export type ArchiveTag = typeof archiveTags.$inferSelect;

/** Which feedback item carries which tag; both sides belong to the same project (the service checks). */
export const feedbackItemTags = pgTable(
  'feedback_item_tags',
  {
    itemId: uuid()
      .notNull()
      .references(() => feedbackItems.id, { onDelete: 'cascade' }),
    tagId: uuid()
      .notNull()
      .references(() => archiveTags.id, { onDelete: 'cascade' }),
    taggedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    taggedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.tagId] }), index().on(t.tagId)],
);
