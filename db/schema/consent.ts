import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { participants } from './live';
import { projects } from './projects';
import { users } from './users';

/**
 * Every consent text a project has shown participants, numbered from 1. A changed text is a
 * new version, so what each participant agreed to can always be read back word for word.
 * `projects.consentText` is the current text; the newest version here holds the same text.
 */
export const consentVersions = pgTable(
  'consent_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('consent_versions_project_version_idx').on(t.projectId, t.version)],
);
export type ConsentVersion = typeof consentVersions.$inferSelect;
export type NewConsentVersion = typeof consentVersions.$inferInsert;

/**
 * A participant's acceptance of one consent version, stored when they join. It goes with the
 * participant: deleting the participant (or the session) deletes it.
 */
export const consentAcceptances = pgTable(
  'consent_acceptances',
  {
    participantId: uuid()
      .primaryKey()
      .references(() => participants.id, { onDelete: 'cascade' }),
    consentVersionId: uuid()
      .notNull()
      .references(() => consentVersions.id, { onDelete: 'cascade' }),
    acceptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.consentVersionId)],
);
export type ConsentAcceptance = typeof consentAcceptances.$inferSelect;
