import 'server-only';
import { cookies, headers } from 'next/headers';
import { AUTH_COOKIE } from '@/lib/cookies';
import { getServices } from '@/server/registry';
import { isHttpsRequest, requestSource } from '@/server/security/forwarded';

export async function setAuthCookie(token: string, expires: Date): Promise<void> {
  const { publicUrl, trustProxy } = getServices().config;
  const secure = isHttpsRequest(requestSource(Object.fromEntries(await headers()), undefined, trustProxy), publicUrl);
  (await cookies()).set(AUTH_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
}
