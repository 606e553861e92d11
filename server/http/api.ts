import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import { z } from 'zod';
import { CLIENT_IP_HEADER, participantCookieName } from '@/lib/cookies';
import { fail } from '@/lib/errors';
import { guarded, opaque, personalDataPaths } from '@/lib/privacy/free-text';
import { normalizeJoinCode } from '@/lib/join-code';
import { addressKey } from '../security/client-address';
import { isHttpsRequest, requestSource } from '../security/forwarded';
import type { Services } from '../services';
import { rateLimited } from '../services/limits-service';
import { readJson, sendError, sendJson } from './body';

export const joinBodySchema = z.object({
  code: opaque(z.string().max(20)),
  displayName: guarded(z.string().max(200)).nullable().optional(),
  /** Answers to the workshop's join questions (e.g. office), used to form groups; only asked questions are kept. */
  attributes: z.record(opaque(z.string().max(60)), guarded(z.string().max(200))).optional(),
  /** The consent version the participant ticked "I have read and agree" to, if any. */
  consentVersion: z.number().int().positive().nullable().optional(),
});

export const resumeBodySchema = z.object({ token: opaque(z.string().max(2000)) });

const PARTICIPANT_COOKIE_MAX_AGE = 7 * 24 * 3600;

/**
 * The few JSON endpoints the custom server answers itself (everything else is Next.js).
 * Returns false when the request is not one of them.
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, services: Services, version: string): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/health' && req.method === 'GET') {
    const dbOk = await services.database.db
      .execute('select 1')
      .then(() => true)
      .catch(() => false);
    sendJson(res, dbOk ? 200 : 503, { status: dbOk ? 'ok' : 'degraded', db: services.database.kind, version });
    return true;
  }
  if (url.pathname === '/api/sessions/join' && req.method === 'POST') {
    const body = joinBodySchema.safeParse(await readJson(req));
    const refused = body.success ? [] : personalDataPaths(body.error);
    if (refused.length > 0) {
      // Field names as the join form marks them (and live.join reports them): `attribute.<question>`.
      const fields = Object.fromEntries(refused.map((p) => [p.replace(/^attributes\./, 'attribute.'), 'PERSONAL_DATA']));
      sendError(res, fail('PERSONAL_DATA', `personal data in ${Object.keys(fields).join(', ')}`, fields).error);
      return true;
    }
    const code = body.success ? normalizeJoinCode(body.data.code) : null;
    if (!body.success || !code) {
      sendError(res, fail('BAD_REQUEST', 'invalid join request', { code: 'CODE_INVALID' }).error);
      return true;
    }
    const address = clientAddress(req);
    if (!(await services.limits.take('joinsPerAddress', addressKey(address)))) {
      sendError(res, rateLimited().error);
      return true;
    }
    const session = await services.codes.find(code, address);
    if (!session.ok) {
      sendError(res, session.error);
      return true;
    }
    const existing = parseCookie(req.headers.cookie ?? '')[participantCookieName(session.data.id)];
    const join = () => services.live.join(code, body.data.displayName ?? null, existing, body.data.attributes ?? {}, body.data.consentVersion ?? null);
    // Returning participants always get back in; only new ones count against the session.
    const result = (await services.live.participantFor(session.data.id, existing))
      ? await join()
      : await services.limits.attempt([['joinsPerSession', session.data.id]], join, (r) => r.ok && r.data.token !== null);
    if (!result.ok) {
      sendError(res, result.error);
      return true;
    }
    const { session: joined, participant, token } = result.data;
    sendJson(res, 200, { ok: true, data: { sessionId: joined.id, participantId: participant.id, displayName: participant.displayName } }, token ? participantCookie(req, services, joined.id, token) : {});
    return true;
  }
  if (url.pathname === '/api/sessions/resume' && req.method === 'POST') {
    if (!(await services.limits.take('resumesPerAddress', addressKey(clientAddress(req))))) {
      sendError(res, rateLimited().error);
      return true;
    }
    const body = resumeBodySchema.safeParse(await readJson(req));
    const result = await services.resume.redeem(body.success ? body.data.token : null);
    if (!result.ok) {
      sendError(res, result.error);
      return true;
    }
    const { session, participant, token } = result.data;
    sendJson(res, 200, { ok: true, data: { sessionId: session.id, code: session.code, participantId: participant.id } }, participantCookie(req, services, session.id, token));
    return true;
  }
  return false;
}

/** Set by the server for every request (server/app.ts), whatever the client sent. */
const clientAddress = (req: IncomingMessage): string | undefined => {
  const value = req.headers[CLIENT_IP_HEADER];
  return Array.isArray(value) ? value[0] : value;
};

/** The participant's cookie for one session: httpOnly, SameSite=Lax, a week. */
function participantCookie(req: IncomingMessage, services: Services, sessionId: string, token: string): Record<string, string> {
  return {
    'set-cookie': stringifySetCookie(participantCookieName(sessionId), token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: PARTICIPANT_COOKIE_MAX_AGE,
      secure: isHttps(req, services.config),
    }),
  };
}

export function isHttps(req: IncomingMessage, config: Pick<Services['config'], 'publicUrl' | 'trustProxy'>): boolean {
  return isHttpsRequest(requestSource(req.headers, req.socket.remoteAddress, config.trustProxy), config.publicUrl);
}
