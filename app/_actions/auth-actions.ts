'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_COOKIE, CLIENT_IP_HEADER, LOCALE_COOKIE } from '@/lib/cookies';
import { isLocale } from '@/i18n/locales';
import { safeReturnPath } from '@/lib/safe-path';
import { getServices } from '@/server/registry';
import { currentUser } from '../_lib/auth';
import { unauthenticated, type ActionResult } from './result';
import { setAuthCookie } from './session-cookie';

export async function setupAction(input: { name: string; email: string; password: string }): Promise<ActionResult> {
  const result = await getServices().setupFirstAccount(input);
  if (!result.ok) return result;
  await setAuthCookie(result.data.token, result.data.expiresAt);
  redirect('/prosjekter');
}

export async function signInAction(input: { email: string; password: string }, returnTo: string): Promise<ActionResult> {
  const address = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown';
  const result = await getServices().auth.signIn(input, address);
  if (!result.ok) return result;
  await setAuthCookie(result.data.token, result.data.expiresAt);
  redirect(safeReturnPath(returnTo));
}

export async function registerAction(token: string, input: { name: string; email: string; password: string }): Promise<ActionResult> {
  const result = await getServices().auth.registerWithInvitation(token, input);
  if (!result.ok) return result;
  await setAuthCookie(result.data.token, result.data.expiresAt);
  redirect('/prosjekter');
}

/** A signed-in person takes up an invitation with the account they have. */
export async function acceptInvitationAction(token: string): Promise<ActionResult> {
  const user = await currentUser();
  if (!user) return unauthenticated();
  const result = await getServices().auth.acceptInvitation(token, user.id);
  if (!result.ok) return result;
  redirect(result.data.projectId ? `/prosjekter/${result.data.projectId}` : '/prosjekter');
}

export async function signOutAction(): Promise<void> {
  const store = await cookies();
  const token = store.get(AUTH_COOKIE)?.value;
  if (token) await getServices().auth.signOut(token);
  store.delete(AUTH_COOKIE);
  redirect('/');
}

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
}
