import * as client from 'openid-client';
import { fail, ok, type Result } from '@/lib/errors';
import type { OidcConfig } from '../config';
import type { Logger } from '../logger';
import type { OidcIdentity } from '../services/auth-service';

/** How long a started sign-in may take at the provider before it is refused as expired. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;
/** Started but unfinished sign-ins kept at once; past this the oldest go (a flood cannot grow memory). */
const MAX_PENDING = 10_000;

interface PendingSignIn {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

export interface StartedSignIn {
  /** Where to send the browser: the provider's authorization endpoint. */
  url: URL;
  /** Bound to the browser in a short-lived httpOnly cookie, so a callback is only ever accepted
   * in the browser that started it (no login CSRF). */
  state: string;
}

export interface FinishedSignIn {
  identity: OidcIdentity;
  returnTo: string;
}

/**
 * The authorization code flow with PKCE, state and nonce (openid-client). What a started sign-in
 * needs to finish (verifier, nonce, where to go back) stays in this process, keyed by state, and
 * is used once: a replayed or forged callback finds nothing. One Verksted process serves all
 * requests, so memory is enough; a restart only means signing in again.
 */
export function createOidcFlow(config: OidcConfig, log: Logger, now: () => number = Date.now) {
  const pending = new Map<string, PendingSignIn>();
  let discovered: Promise<client.Configuration> | null = null;

  function configuration(): Promise<client.Configuration> {
    discovered ??= discover(config).catch((err: unknown) => {
      discovered = null; // try discovery again on the next sign-in
      throw err;
    });
    return discovered;
  }

  function prune(): void {
    const time = now();
    for (const [state, entry] of pending) if (entry.expiresAt <= time) pending.delete(state);
    while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
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
      prune();
      pending.set(state, { nonce, codeVerifier, returnTo, expiresAt: now() + OIDC_FLOW_TTL_MS });
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUri,
        scope: config.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return ok({ url, state });
    },

    /**
     * Finishes a sign-in from the provider's redirect. `query` is the callback's query string;
     * `boundState` the state from this browser's cookie.
     */
    async finish(query: string, boundState: string | undefined): Promise<Result<FinishedSignIn>> {
      const state = new URLSearchParams(query).get('state');
      const entry = state ? pending.get(state) : undefined;
      if (!state || !entry || state !== boundState) return fail('OIDC_STATE_INVALID', 'unknown, replayed or foreign sign-in state');
      pending.delete(state); // used once, whatever happens next
      if (entry.expiresAt <= now()) return fail('OIDC_STATE_INVALID', 'sign-in took too long');
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
