import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_COOKIE } from '@/lib/cookies';
import { getServices } from '@/server/registry';

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

/** The address join links and QR codes use: PUBLIC_URL, or what the browser used to reach us. */
export async function publicBaseUrl(): Promise<string> {
  const configured = getServices().config.publicUrl;
  if (configured) return configured;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
