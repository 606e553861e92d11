import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import { AUTH_COOKIE, OIDC_STATE_COOKIE } from '@/lib/cookies';
import type { ErrorCode } from '@/lib/errors';
import { safeReturnPath } from '@/lib/safe-path';
import { OIDC_FLOW_TTL_MS, type OidcFlow } from '../auth/oidc-flow';
import type { Services } from '../services';
import { isHttps } from './api';

export const OIDC_START_PATH = '/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
const STATE_COOKIE_PATH = '/auth/oidc';

/**
 * Sign-in with OpenID Connect: `start` sends the browser to the provider, `callback` takes it
 * back, signs the person in with our usual session cookie and returns them where they were
 * going. Both are plain GET navigations (a link, not a form: CSP form-action would block a
 * form's redirect to the provider). Returns false for other requests.
 */
export async function handleOidc(req: IncomingMessage, res: ServerResponse, services: Services, flow: OidcFlow | null): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== OIDC_START_PATH && url.pathname !== OIDC_CALLBACK_PATH) return false;
  if (!flow || req.method !== 'GET') return false;
  const secure = isHttps(req, services.config);

  if (url.pathname === OIDC_START_PATH) {
    const started = await flow.start(safeReturnPath(url.searchParams.get('neste')));
    if (!started.ok) return redirect(res, signInPageWithError(started.error.code));
    const cookie = stringifySetCookie(OIDC_STATE_COOKIE, started.data.cookie, {
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET navigation from another site.
      sameSite: 'lax',
      secure,
      path: STATE_COOKIE_PATH,
      maxAge: OIDC_FLOW_TTL_MS / 1000,
    });
    return redirect(res, started.data.url.href, [cookie]);
  }

  const clearState = stringifySetCookie(OIDC_STATE_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: STATE_COOKIE_PATH, maxAge: 0 });
  const sealedFlow = parseCookie(req.headers.cookie ?? '')[OIDC_STATE_COOKIE];
  const finished = await flow.finish(url.search.slice(1), sealedFlow);
  if (!finished.ok) return redirect(res, signInPageWithError(finished.error.code), [clearState]);
  const session = await services.auth.signInWithOidc(finished.data.identity);
  if (!session.ok) return redirect(res, signInPageWithError(session.error.code), [clearState]);
  const sessionCookie = stringifySetCookie(AUTH_COOKIE, session.data.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: session.data.expiresAt,
  });
  return redirect(res, safeReturnPath(finished.data.returnTo), [clearState, sessionCookie]);
}

/** The sign-in page shows `errors.<feil>` for the codes it knows. */
const signInPageWithError = (code: ErrorCode) => `/logg-inn?feil=${encodeURIComponent(code)}`;

function redirect(res: ServerResponse, location: string, cookies: string[] = []): true {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}) });
  res.end();
  return true;
}
