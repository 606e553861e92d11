import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A random bearer secret for cookies and links (256 bits, URL-safe). */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as hashes, so a database leak does not leak sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const yjsClaimsSchema = z.object({
  /** Document name the token admits to. */
  d: z.string(),
  /** Subject: `u:<userId>` or `p:<participantId>`. */
  s: z.string(),
  /** Read-only connections may not change the document. */
  ro: z.boolean(),
  /** Expiry, epoch milliseconds. */
  exp: z.number(),
});
export type YjsClaims = z.infer<typeof yjsClaimsSchema>;

/**
 * Short-lived signed tokens for the Yjs endpoint. Stateless on purpose: any server behind the
 * same secret can verify them, without a database round trip on every connect.
 */
export function createYjsTokenSigner(secret: string, ttlMs = 5 * 60_000) {
  const key = createHmac('sha256', secret).update('verksted:yjs:v1').digest();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('base64url');

  return {
    ttlMs,
    /** A stable, opaque key for a participant's own board notes: recognisable, not traceable. */
    authorKey(participantId: string): string {
      return createHmac('sha256', key).update(`author:${participantId}`).digest('base64url').slice(0, 16);
    },
    issue(claims: Omit<YjsClaims, 'exp'>, now = Date.now()): { token: string; expiresAt: number } {
      const expiresAt = now + ttlMs;
      const body = Buffer.from(JSON.stringify({ ...claims, exp: expiresAt })).toString('base64url');
      return { token: `v1.${body}.${sign(body)}`, expiresAt };
    },
    verify(token: string, now = Date.now()): YjsClaims | null {
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
      const claims = yjsClaimsSchema.safeParse(json);
      if (!claims.success || claims.data.exp <= now) return null;
      return claims.data;
    },
  };
}
export type YjsTokenSigner = ReturnType<typeof createYjsTokenSigner>;
