import * as client from 'openid-client';
import { z } from 'zod';
import { fail, ok, type Result } from '@/lib/errors';
import type { OidcConfig } from '../config';
import type { Logger } from '../logger';
import { createSealer } from '../security/sealed';
import type { OidcIdentity } from '../services/auth-service';

/** How long a started sign-in may take at the provider before it is refused as expired. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;
/** Finished sign-ins remembered to refuse a replay; past this the oldest go (see `finish`). */
const MAX_USED = 10_000;

const flowSchema = z.object({
  /** The state sent to the provider: the callback must bring back the same. */
  s: z.string(),
  /** Nonce expected in the ID token. */
  n: z.string(),
  /** PKCE code verifier. */
  v: z.string(),
  /** Where to go after signing in. */
  r: z.string(),
  exp: z.number(),
});

export interface StartedSignIn {
  /** Where to send the browser: the provider's authorization endpoint. */
  url: URL;
  /** What the sign-in needs to finish (state, nonce, PKCE verifier, return path), sealed for a
   * short-lived httpOnly cookie: the callback is only ever accepted in the browser that started
   * it (no login CSRF), and an intercepted callback URL alone is useless. */
  cookie: string;
}

export interface FinishedSignIn {
  identity: OidcIdentity;
  returnTo: string;
}

/**
 * The authorization code flow with PKCE, state and nonce (openid-client). Nothing about a
 * started sign-in is kept on the server: it travels sealed in the browser's cookie, so a flood
 * of started sign-ins cannot push out anyone's sign-in in progress, and any process with the
 * same secret can finish it. A finished state is remembered until it expires, so a replayed
 * callback is refused here; should that memory ever forget one, the provider still refuses
 * to redeem its code twice.
 */
export function createOidcFlow(config: OidcConfig, secret: string, log: Logger, now: () => number = Date.now) {
  const sealer = createSealer(secret, 'oidc-flow', flowSchema);
  const used = new Map<string, number>();
  let discovered: Promise<client.Configuration> | null = null;

  function configuration(): Promise<client.Configuration> {
    discovered ??= discover(config).catch((err: unknown) => {
      discovered = null; // try discovery again on the next sign-in
      throw err;
    });
    return discovered;
  }

  /** Marks a state finished; false when it already was. */
  function spendOnce(state: string, expiresAt: number): boolean {
    const time = now();
    // Every flow has the same lifetime, so the oldest entries expire first.
    for (const [s, exp] of used) {
      if (exp > time) break;
      used.delete(s);
    }
    if (used.has(state)) return false;
    while (used.size >= MAX_USED) used.delete(used.keys().next().value as string);
    used.set(state, expiresAt);
    return true;
  }

  return {
    label: config.label,

    async start(returnTo: string): Promise<Result<StartedSignIn>> {
      let provider: client.Configuration;
      try {
        provider = await configuration();
      } catch (err) {
        log.error({ err, issuer: config.issuer }, 'OIDC discovery failed');
        return fail('OIDC_FAILED', 'the sign-in provider could not be reached');
      }
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const cookie = sealer.seal({ s: state, n: nonce, v: codeVerifier, r: returnTo, exp: now() + OIDC_FLOW_TTL_MS });
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUri,
        scope: config.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return ok({ url, cookie });
    },

    /**
     * Finishes a sign-in from the provider's redirect. `query` is the callback's query string;
     * `cookie` the sealed flow from this browser's cookie.
     */
    async finish(query: string, cookie: string | undefined): Promise<Result<FinishedSignIn>> {
      const state = new URLSearchParams(query).get('state');
      const flow = sealer.open(cookie, now());
      if (!state || !flow || flow.s !== state) return fail('OIDC_STATE_INVALID', 'unknown, expired or foreign sign-in state');
      if (!spendOnce(state, flow.exp)) return fail('OIDC_STATE_INVALID', 'replayed sign-in state');
      const entry = { codeVerifier: flow.v, nonce: flow.n, returnTo: flow.r };
      try {
        // The URL the provider redirected to, as registered (behind a proxy our own URL differs).
        const callbackUrl = new URL(config.redirectUri);
        callbackUrl.search = query;
        const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
          pkceCodeVerifier: entry.codeVerifier,
          expectedState: state,
          expectedNonce: entry.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        const address = stringClaim(claims?.email) ?? stringClaim(claims?.preferred_username);
        if (!claims || !address) return fail('OIDC_FAILED', 'the ID token names no e-mail address');
        // Only `email` with `email_verified: true` is the provider vouching for the address. Entra
        // ID sends `email` without it (a user or tenant may set it) and `preferred_username` is a
        // login name: both are kept as claims, never as the account's address.
        const verified = claims.email_verified === true ? stringClaim(claims.email) : undefined;
        return ok({
          identity: {
            issuer: claims.iss,
            subject: claims.sub,
            verifiedEmail: verified?.toLowerCase() ?? null,
            claimedEmail: verified ? null : address.toLowerCase(),
            name: stringClaim(claims.name) ?? null,
          },
          returnTo: entry.returnTo,
        });
      } catch (err) {
        log.warn({ err }, 'OIDC callback refused');
        return fail('OIDC_FAILED', 'the provider refused the sign-in or its answer did not verify');
      }
    },
  };
}
export type OidcFlow = ReturnType<typeof createOidcFlow>;

const stringClaim = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function discover(config: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  // Plain HTTP only for a provider on this machine (tests, local development); never across a network.
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  return client.discovery(issuer, config.clientId, config.clientSecret, undefined, {
    execute: insecure ? [client.allowInsecureRequests] : [],
    timeout: 10,
  });
}
