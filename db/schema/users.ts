import { pgTable, text, timestamp, uuid, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';

/** A facilitator account. Participants never get one. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /**
     * The address the account signs in with and is known by, stored lower-cased so sign-in is
     * case-insensitive. Only an address the person proved holds it: typed at setup or when
     * registering by invitation, or one an OpenID Connect provider says it verified. Null for
     * OpenID Connect accounts whose provider vouched for no address, so a claim nobody checked
     * can never occupy someone else's address (see `unverifiedEmail`).
     */
    email: text().unique(),
    name: text().notNull(),
    /** Null for accounts that only sign in through OpenID Connect: password sign-in refuses them. */
    passwordHash: text(),
    /** The OpenID Connect identity (issuer + subject) linked to this account, if any. */
    oidcIssuer: text(),
    oidcSubject: text(),
    /**
     * The address an OpenID Connect provider named without verifying it (an `email` claim without
     * `email_verified`, as Entra ID sends it, or `preferred_username`). Shown to colleagues marked
     * as unverified; never unique, never used to find, link or refuse an account.
     */
    unverifiedEmail: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_oidc_identity_idx').on(t.oidcIssuer, t.oidcSubject)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId)],
);
export type AuthSession = typeof authSessions.$inferSelect;

/** A one-time registration link made by an existing member, optionally into a project. */
export const invitations = pgTable('invitations', {
  id: uuid().primaryKey().defaultRandom(),
  tokenHash: text().notNull().unique(),
  invitedBy: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  projectId: uuid().references(() => projects.id, { onDelete: 'cascade' }),
  role: text({ enum: ['owner', 'facilitator'] }).notNull().default('facilitator'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  usedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
});
export type Invitation = typeof invitations.$inferSelect;
