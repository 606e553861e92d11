import 'server-only';
import { cookies, headers } from 'next/headers';
import { AUTH_COOKIE } from '@/lib/cookies';
import { getServices } from '@/server/registry';

export async function setAuthCookie(token: string, expires: Date): Promise<void> {
  const publicUrl = getServices().config.publicUrl;
  const secure = publicUrl ? publicUrl.startsWith('https://') : (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(AUTH_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
}
