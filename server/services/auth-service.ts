import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authSessions, invitations, projectMembers, users, type User } from '@/db/schema';
import { fieldErrors, registrationSchema, signInSchema } from '@/lib/account-schemas';
import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import { addressKey } from '../security/client-address';
import { hashToken, randomToken } from '../security/tokens';
import type { AccessChanges } from './access-changes';
import type { AuditService } from './audit-service';
import { isUniqueViolation } from './db-errors';
import { lockRowSet } from './replace-lock';
import type { LimitsService } from './limits-service';
import { createPasswordHasher, type PasswordHasher } from './password-hasher';

const SESSION_TTL_MS = 14 * 24 * 3600_000;
const INVITATION_TTL_MS = 14 * 24 * 3600_000;

/** `email` is null for an OpenID Connect account whose provider verified no address. */
export type PublicUser = Pick<User, 'id' | 'email' | 'name'>;
export interface IssuedSession {
  token: string;
  expiresAt: Date;
  user: PublicUser;
}

/** What identifies an auth session outside its cookie: the hash it is stored under. */
export const authKeyOf = (token: string): string => hashToken(token);

const publicUser = (u: User): PublicUser => ({ id: u.id, email: u.email, name: u.name });

export function createAuthService(
  db: Db,
  audit: AuditService,
  limits: LimitsService,
  changes: AccessChanges,
  passwords: PasswordHasher = createPasswordHasher(),
) {
  const hashPassword = passwords.hash;
  async function issueSession(user: User): Promise<IssuedSession> {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await db.insert(authSessions).values({ id: hashToken(token), userId: user.id, expiresAt });
    return { token, expiresAt, user: publicUser(user) };
  }

  /**
   * An account that so far had no address gets the one its provider now verified, unless another
   * account holds it (that person registered or verified it first); the sign-in goes on either way.
   */
  async function takeVerifiedEmail(user: User, email: string): Promise<User> {
    try {
      const [updated] = await db
        .update(users)
        .set({ email, unverifiedEmail: null })
        .where(and(eq(users.id, user.id), isNull(users.email)))
        .returning();
      return updated ?? user;
    } catch (err) {
      if (isUniqueViolation(err)) return user;
      throw err;
    }
  }

  async function needsSetup(): Promise<boolean> {
    const [row] = await db.select({ n: count() }).from(users);
    return (row?.n ?? 0) === 0;
  }

  return {
    needsSetup,

    /** Creates the first account; refused once any account exists. */
    async setup(input: unknown): Promise<Result<IssuedSession & { firstUser: true }>> {
      const parsed = registrationSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid registration', fieldErrors(parsed.error));
      const hash = await hashPassword(parsed.data.password);
      // Two racing setup requests must make one account. A shared transaction alone does not do
      // it on PostgreSQL (read committed: both see no user, both insert), so they take turns.
      const user = await db.transaction(async (tx) => {
        await lockRowSet(tx, 'users:first-account');
        const [row] = await tx.select({ n: count() }).from(users);
        if ((row?.n ?? 0) > 0) return null;
        const [created] = await tx.insert(users).values({ ...parsed.data, passwordHash: hash }).returning();
        return created ?? null;
      });
      if (!user) return fail('SETUP_DONE', 'an account already exists');
      await audit.record({ actorKind: 'user', actorId: user.id, action: 'account.setup' });
      return ok({ ...(await issueSession(user)), firstUser: true });
    },

    async signIn(input: unknown, address: string): Promise<Result<IssuedSession>> {
      const parsed = signInSchema.safeParse(input);
      if (!parsed.success) return fail('BAD_REQUEST', 'invalid sign-in', fieldErrors(parsed.error));
      // Only failures count, per account+address and per address (so one client cannot sweep
      // many accounts): colleagues signing in behind one NAT address never lock each other out.
      const from = addressKey(address);
      const accountKey = `${parsed.data.email}|${from}`;
      const result = await limits.attempt(
        [['signInFailuresPerAddress', from], ['signInFailuresPerAccount', accountKey]],
        async (): Promise<Result<User>> => {
          const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email));
          // Verify against a dummy hash for unknown e-mails and password-less (OIDC-only)
          // accounts, so timing reveals neither.
          const valid = user?.passwordHash
            ? await passwords.verify(user.passwordHash, parsed.data.password)
            : (await passwords.verify(await passwords.dummyHash(), parsed.data.password), false);
          return user && valid ? ok(user) : fail('INVALID_CREDENTIALS', 'wrong e-mail or password');
        },
        (r) => !r.ok && r.error.code === 'INVALID_CREDENTIALS',
      );
      if (!result.ok) return result;
      await limits.forget('signInFailuresPerAccount', accountKey);
      await audit.record({ actorKind: 'user', actorId: result.data.id, action: 'account.sign_in' });
      return ok(await issueSession(result.data));
    },

    /**
     * Signs in someone the OpenID Connect provider vouched for, found by (issuer, subject). The
     * first time, an account holding the same provider-verified e-mail is linked; otherwise a new
     * password-less account is made. Only a verified address goes in the account's unique
     * e-mail; an unverified claim is kept beside it and never takes an address from anyone: the
     * person it names can still register by invitation and later sign in here with it verified.
     * A claim equal to an existing account's address is refused rather than given a second,
     * empty account that looks like that person. New accounts see no projects until invited.
     */
    async signInWithOidc(identity: OidcIdentity): Promise<Result<IssuedSession>> {
      const byIdentity = and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject));
      const [known] = await db.select().from(users).where(byIdentity);
      if (known) {
        const user = known.email === null && identity.verifiedEmail ? await takeVerifiedEmail(known, identity.verifiedEmail) : known;
        await audit.record({ actorKind: 'user', actorId: user.id, action: 'account.sign_in_oidc' });
        return ok(await issueSession(user));
      }
      const address = identity.verifiedEmail ?? identity.claimedEmail;
      type Outcome = { user: User; action: string } | { error: 'OIDC_ACCOUNT_CONFLICT' };
      const outcome: Outcome = await db
        .transaction(async (tx): Promise<Outcome> => {
          const [sameEmail] = address ? await tx.select().from(users).where(eq(users.email, address)) : [];
          if (sameEmail) {
            if (!identity.verifiedEmail || sameEmail.oidcSubject !== null) return { error: 'OIDC_ACCOUNT_CONFLICT' as const };
            const [linked] = await tx
              .update(users)
              .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject })
              .where(and(eq(users.id, sameEmail.id), isNull(users.oidcSubject)))
              .returning();
            return linked ? { user: linked, action: 'account.link_oidc' } : { error: 'OIDC_ACCOUNT_CONFLICT' as const };
          }
          const [created] = await tx
            .insert(users)
            .values({
              email: identity.verifiedEmail,
              unverifiedEmail: identity.claimedEmail,
              name: identity.name?.trim() || address || identity.subject,
              passwordHash: null,
              oidcIssuer: identity.issuer,
              oidcSubject: identity.subject,
            })
            .returning();
          if (!created) throw new Error('insert returned no row');
          return { user: created, action: 'account.register_oidc' };
        })
        // Two first sign-ins racing: the loser's insert hits the unique index; the winner's row serves both.
        .catch(async (err: unknown): Promise<Outcome> => {
          if (!isUniqueViolation(err)) throw err;
          const [winner] = await db.select().from(users).where(byIdentity);
          return winner ? { user: winner, action: 'account.sign_in_oidc' } : { error: 'OIDC_ACCOUNT_CONFLICT' as const };
        });
      if ('error' in outcome) return fail(outcome.error, 'an account with this e-mail exists and cannot be linked');
      await audit.record({ actorKind: 'user', actorId: outcome.user.id, action: outcome.action });
      return ok(await issueSession(outcome.user));
    },

    /** Ends one auth session; its open sockets and Yjs connections are let go at once. */
    async signOut(token: string): Promise<void> {
      const authKey = authKeyOf(token);
      const [ended] = await db.delete(authSessions).where(eq(authSessions.id, authKey)).returning({ userId: authSessions.userId });
      if (ended) changes.publish({ kind: 'signed-out', userId: ended.userId, authKey });
    },

    /** Whether the auth session `authKey` still belongs to `userId` and has not expired. */
    async isSignedIn(authKey: string, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: authSessions.id })
        .from(authSessions)
        .where(and(eq(authSessions.id, authKey), eq(authSessions.userId, userId), gt(authSessions.expiresAt, new Date())));
      return Boolean(row);
    },

    /** The user behind a session cookie, or null when it is unknown or expired. */
    async userForToken(token: string | undefined): Promise<PublicUser | null> {
      if (!token) return null;
      const [row] = await db
        .select({ user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .where(and(eq(authSessions.id, hashToken(token)), gt(authSessions.expiresAt, new Date())));
      return row ? publicUser(row.user) : null;
    },

    /** Makes a one-time registration link; with a project, the new account joins it. */
    async createInvitation(
      invitedBy: string,
      projectId: string | null,
    ): Promise<{ token: string; expiresAt: Date }> {
      const token = randomToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
      await db.insert(invitations).values({ tokenHash: hashToken(token), invitedBy, projectId, expiresAt });
      await audit.record({ actorKind: 'user', actorId: invitedBy, action: 'invitation.create', projectId });
      return { token, expiresAt };
    },

    async invitationIsValid(token: string): Promise<boolean> {
      const [row] = await db
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())));
      return Boolean(row);
    },

    /**
     * Uses an invitation with an account that already exists (e.g. one made by OpenID Connect
     * sign-in): the invitation's project gains the member, and the link is spent.
     */
    async acceptInvitation(token: string, userId: string): Promise<Result<{ projectId: string | null }>> {
      const invitation = await db.transaction(async (tx) => {
        const [used] = await tx
          .update(invitations)
          .set({ usedAt: new Date(), usedBy: userId })
          .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())))
          .returning();
        if (used?.projectId) {
          await tx.insert(projectMembers).values({ projectId: used.projectId, userId, role: used.role }).onConflictDoNothing();
        }
        return used ?? null;
      });
      if (!invitation) return fail('INVITATION_INVALID', 'invitation unknown, used or expired');
      await audit.record({ actorKind: 'user', actorId: userId, action: 'invitation.accept', projectId: invitation.projectId });
      return ok({ projectId: invitation.projectId });
    },

    async registerWithInvitation(token: string, input: unknown): Promise<Result<IssuedSession>> {
      const parsed = registrationSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid registration', fieldErrors(parsed.error));
      const hash = await hashPassword(parsed.data.password);
      const outcome = await db.transaction(async (tx) => {
        const [invitation] = await tx
          .update(invitations)
          .set({ usedAt: new Date() })
          .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())))
          .returning();
        if (!invitation) return { error: 'INVITATION_INVALID' as const };
        const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, parsed.data.email));
        // Throwing rolls the transaction back, so a refused registration keeps its invitation.
        if (existing) throw new EmailTakenError();
        const [user] = await tx.insert(users).values({ ...parsed.data, passwordHash: hash }).returning();
        if (!user) throw new Error('insert returned no row');
        await tx.update(invitations).set({ usedBy: user.id }).where(eq(invitations.id, invitation.id));
        if (invitation.projectId) {
          await tx.insert(projectMembers).values({ projectId: invitation.projectId, userId: user.id, role: invitation.role });
        }
        return { user, projectId: invitation.projectId };
      }).catch((err: unknown) => {
        if (err instanceof EmailTakenError || isUniqueViolation(err)) return { error: 'EMAIL_TAKEN' as const };
        throw err;
      });
      if ('error' in outcome) {
        return outcome.error === 'EMAIL_TAKEN'
          ? fail('EMAIL_TAKEN', 'e-mail in use', { email: 'EMAIL_TAKEN' })
          : fail('INVITATION_INVALID', 'invitation unknown, used or expired');
      }
      await audit.record({ actorKind: 'user', actorId: outcome.user.id, action: 'account.register', projectId: outcome.projectId });
      return ok(await issueSession(outcome.user));
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

/** What an OpenID Connect provider told us about the person in a verified ID token. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** An address the provider says it verified (`email_verified: true`), lower-cased: the only
   * one that may be an account's e-mail or link an existing account. */
  verifiedEmail: string | null;
  /** An address nobody verified (`email` without `email_verified`, or `preferred_username`), lower-cased. */
  claimedEmail: string | null;
  name: string | null;
}

class EmailTakenError extends Error {
  override name = 'EmailTakenError';
}
