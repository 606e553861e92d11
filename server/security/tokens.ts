import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { parseYjsDocName } from '@/lib/protocol';
import { boardDocName } from '@/lib/workshop/board';

/** A random bearer secret for cookies and links (256 bits, URL-safe). */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as hashes, so a database leak does not leak sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * A participant's device: the start of its cookie token's hash. Redeeming a resume link gives
 * the participant a new cookie token, so the old device's key stops matching.
 */
export const DEVICE_KEY_LENGTH = 16;
export const deviceKey = (participantToken: string): string => hashToken(participantToken).slice(0, DEVICE_KEY_LENGTH);

const yjsClaimsSchema = z.object({
  /** Document name the token admits to. */
  d: z.string(),
  /** Subject: `u:<userId>` or `p:<participantId>`. */
  s: z.string(),
  /** Read-only connections may not change the document. */
  ro: z.boolean(),
  /**
   * The sign-in the token was issued under, checked again at connect: for `u:` the auth
   * session's key (signing out ends it), for `p:` the participant's device (`deviceKey`; moving
   * to another device ends it).
   */
  a: z.string().optional(),
  /** Expiry, epoch milliseconds. */
  exp: z.number(),
});
export type YjsClaims = z.infer<typeof yjsClaimsSchema>;

/**
 * Stateless signed tokens with an expiry: `v1.<claims>.<hmac>`, the key derived from the
 * server secret and a purpose, so a token made for one purpose never passes for another.
 */
function signedTokens<S extends z.ZodType<{ exp: number }>>(secret: string, purpose: string, schema: S) {
  const key = createHmac('sha256', secret).update(`verksted:${purpose}:v1`).digest();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    key,
    issue(claims: Omit<z.infer<S>, 'exp'>, expiresAt: number): string {
      const body = Buffer.from(JSON.stringify({ ...claims, exp: expiresAt })).toString('base64url');
      return `v1.${body}.${sign(body)}`;
    },
    verify(token: string, now: number): z.infer<S> | null {
      const [version, body, signature] = token.split('.');
      if (version !== 'v1' || !body || !signature) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      const claims = schema.safeParse(json);
      if (!claims.success || claims.data.exp <= now) return null;
      return claims.data;
    },
  };
}

/** The board a board or draft document belongs to, by name; null for other documents. */
function boardOf(docName: string): string | null {
  const ref = parseYjsDocName(docName);
  if (ref?.kind === 'board') return docName;
  if (ref?.kind === 'draft') return boardDocName(ref.sessionId, ref.activityId, ref.groupId);
  return null;
}

/**
 * Short-lived signed tokens for the Yjs endpoint. Stateless on purpose: any server behind the
 * same secret can verify them. (The Yjs server still rechecks access against the session's
 * committed state when a connection opens and after every change.)
 */
export function createYjsTokenSigner(secret: string, ttlMs = 5 * 60_000) {
  const tokens = signedTokens(secret, 'yjs', yjsClaimsSchema);
  return {
    ttlMs,
    /** A stable, opaque key for a participant's own board notes: recognisable, not traceable. */
    authorKey(participantId: string): string {
      return createHmac('sha256', tokens.key).update(`author:${participantId}`).digest('base64url').slice(0, 16);
    },
    /**
     * The author key a participant's notes carry on one board: HMAC of the participant and the
     * board, so notes on two boards (a person moved to another group) cannot be linked by key,
     * while their own phone still recognises them. A member's draft shares its board's key, as
     * its notes end up there. Null for documents that are not boards or drafts. The server
     * refuses notes a participant's connection adds under any other key, so a key names its
     * writer (withdrawing "everything I wrote" relies on that).
     */
    boardAuthorKey(participantId: string, docName: string): string | null {
      const board = boardOf(docName);
      if (!board) return null;
      return createHmac('sha256', tokens.key).update(`author:${participantId}:${board}`).digest('base64url').slice(0, 16);
    },
    issue(claims: Omit<YjsClaims, 'exp'>, now = Date.now()): { token: string; expiresAt: number } {
      const expiresAt = now + ttlMs;
      return { token: tokens.issue(claims, expiresAt), expiresAt };
    },
    verify: (token: string, now = Date.now()): YjsClaims | null => tokens.verify(token, now),
  };
}
export type YjsTokenSigner = ReturnType<typeof createYjsTokenSigner>;

const resumeClaimsSchema = z.object({
  /** Participant and session the link continues. */
  p: z.string(),
  s: z.string(),
  /** The start of the participant's current cookie-token hash: the link dies once it is used. */
  h: z.string(),
  exp: z.number(),
});
export type ResumeClaims = z.infer<typeof resumeClaimsSchema>;

/**
 * Links that move a participant to another device (a new phone mid-sort). One use: redeeming
 * one replaces the participant's cookie token, and with it the hash the link was signed for.
 */
export function createResumeTokenSigner(secret: string, ttlMs = 10 * 60_000) {
  const tokens = signedTokens(secret, 'resume', resumeClaimsSchema);
  return {
    issue(claims: Omit<ResumeClaims, 'exp'>, now = Date.now()): { token: string; expiresAt: number } {
      return { token: tokens.issue(claims, now + ttlMs), expiresAt: now + ttlMs };
    },
    verify: (token: string, now = Date.now()): ResumeClaims | null => tokens.verify(token, now),
  };
}
