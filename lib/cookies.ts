/** Cookie names shared by the custom server, the pages and the tests. */
export const AUTH_COOKIE = 'verksted_session';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** One participant cookie per live session, so a phone can take part in several. */
export const participantCookieName = (sessionId: string): string => `verksted_p_${sessionId.replace(/-/g, '')}`;

/** Header the custom server sets (and never trusts from outside) so pages can throttle by address. */
export const CLIENT_IP_HEADER = 'x-verksted-client-ip';

/** Binds a started OpenID Connect sign-in to the browser that started it (ten minutes, httpOnly). */
export const OIDC_STATE_COOKIE = 'verksted_oidc';
