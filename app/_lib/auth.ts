import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_COOKIE } from '@/lib/cookies';
import { getServices } from '@/server/registry';
import { publicOrigin, requestSource } from '@/server/security/forwarded';

/** The signed-in facilitator, or null. */
export async function currentUser() {
  const token = (await cookies()).get(AUTH_COOKIE)?.value;
  return getServices().auth.userForToken(token);
}

/** For facilitator pages: the user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string) {
  const user = await currentUser();
  if (!user) redirect(`/logg-inn?neste=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * The address join links and QR codes use: PUBLIC_URL, or what the browser used to reach us —
 * X-Forwarded-Host/-Proto only when TRUST_PROXY says our own proxy set them.
 */
export async function publicBaseUrl(): Promise<string> {
  const { publicUrl, trustProxy } = getServices().config;
  if (publicUrl) return publicUrl;
  const source = requestSource(Object.fromEntries(await headers()), undefined, trustProxy);
  return publicOrigin(source, null) ?? 'http://localhost:3000';
}
