import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_COOKIE, OIDC_STATE_COOKIE } from '@/lib/cookies';
import type { Config } from '@/server/config';
import { httpBrowser } from '../../test/http-browser';
import { startTestProvider } from '../../test/oidc-test-provider';
import { freePort } from '../../test/ports';
import { serverHarness } from '../../test/server-harness';
import { createOidcFlow, OIDC_FLOW_TTL_MS } from '../auth/oidc-flow';
import { OIDC_CALLBACK_PATH } from './oidc-routes';

let port: number;
let provider: Awaited<ReturnType<typeof startTestProvider>>;
let harness: ReturnType<typeof serverHarness>;
let oidc: NonNullable<Config['oidc']>;

beforeAll(async () => {
  port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}${OIDC_CALLBACK_PATH}`;
  provider = await startTestProvider({ redirectUri });
  oidc = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri, scopes: 'openid email profile', label: 'Testleverandør' };
  harness = serverHarness({ oidc });
  await harness.start(port);
  await harness.facilitator('ingrid@nav.example'); // the first, password account
  provider.account('kari-sub', { email: 'kari@nav.example', email_verified: true, name: 'Kari Nordmann' });
  provider.account('ola-sub', { email: 'Ola@Nav.example', email_verified: false, name: 'Ola' });
  provider.account('ingrid-unverified', { email: 'ingrid@nav.example', email_verified: false, name: 'Not Ingrid' });
});

afterAll(async () => {
  await harness?.cleanup();
  await provider?.close();
});

const ours = (url: URL) => url.origin === harness.origin;
const isCallback = (url: URL) => ours(url) && url.pathname === OIDC_CALLBACK_PATH;

/** Starts a sign-in and walks the provider until it sends the browser back to our callback. */
async function toCallback(browser: ReturnType<typeof httpBrowser>, sub: string, neste = '/prosjekter/abc') {
  provider.signInAs(sub);
  const { url } = await browser.follow(`${harness.origin}/auth/oidc/start?neste=${encodeURIComponent(neste)}`, isCallback);
  expect(isCallback(url)).toBe(true);
  return url;
}

/** Requests the callback; returns where we send the browser next. */
async function callback(browser: ReturnType<typeof httpBrowser>, url: URL) {
  const res = await browser.get(url);
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!, harness.origin);
}

const userFor = (browser: ReturnType<typeof httpBrowser>) => harness.server.services.auth.userForToken(browser.cookie(AUTH_COOKIE));

describe('sign-in with OpenID Connect against a real provider', () => {
  it('runs the whole flow, returns where the user was going, and maps the next sign-in to the same account', async () => {
    const first = httpBrowser();
    const callbackUrl = await toCallback(first, 'ola-sub');
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    // The browser holds the flow sealed: the state and the rest are not readable in the cookie.
    expect(first.cookie(OIDC_STATE_COOKIE)).toMatch(/^v1\./);
    expect(first.cookie(OIDC_STATE_COOKIE)).not.toContain(callbackUrl.searchParams.get('state'));
    const landing = await callback(first, callbackUrl);
    expect(landing.pathname).toBe('/prosjekter/abc');
    expect(first.cookie(OIDC_STATE_COOKIE)).toBeUndefined();
    const user = await userFor(first);
    // The provider did not verify Ola's address: the account holds none, and keeps the claim aside.
    expect(user).toMatchObject({ email: null, name: 'Ola' });
    expect(await unverifiedEmailOf(user!.id)).toBe('ola@nav.example');

    // A second browser, a second sign-in at the provider: the same account, a new session.
    const second = httpBrowser();
    expect(await callback(second, await toCallback(second, 'ola-sub'))).toEqual(new URL('/prosjekter/abc', harness.origin));
    expect(second.cookie(AUTH_COOKIE)).not.toBe(first.cookie(AUTH_COOKIE));
    expect((await userFor(second))?.id).toBe(user!.id);

    // The new account has no password: password sign-in refuses it cleanly.
    const refused = await harness.server.services.auth.signIn({ email: 'ola@nav.example', password: 'anything-at-all' }, '127.0.0.9');
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('links an existing account when the provider verified the e-mail, and refuses to when it did not', async () => {
    const { services } = harness.server;
    const invitation = await services.auth.createInvitation(await firstUser(), null);
    const kari = await services.auth.registerWithInvitation(invitation.token, { name: 'Kari', email: 'kari@nav.example', password: 'et-godt-passord' });
    expect(kari.ok).toBe(true);

    const browser = httpBrowser();
    await callback(browser, await toCallback(browser, 'kari-sub'));
    expect((await userFor(browser))?.id).toBe(kari.ok ? kari.data.user.id : null);
    // The linked account keeps its password.
    expect((await services.auth.signIn({ email: 'kari@nav.example', password: 'et-godt-passord' }, '127.0.0.8')).ok).toBe(true);

    const impostor = httpBrowser();
    const landing = await callback(impostor, await toCallback(impostor, 'ingrid-unverified'));
    expect(landing.pathname).toBe('/logg-inn');
    expect(landing.searchParams.get('feil')).toBe('OIDC_ACCOUNT_CONFLICT');
    expect(impostor.cookie(AUTH_COOKIE)).toBeUndefined();
  });

  it('lets no unverified address stand in the way of the person it belongs to', async () => {
    const { services } = harness.server;
    // Colleagues at the same provider who can set their own e-mail claim (nOAuth-style) sign in
    // first as Siri and Tor: one with an `email` and no `email_verified` (as Entra ID sends it),
    // one with only a preferred_username.
    provider.account('mallory-email', { email: 'Siri@nav.example', name: 'Siri' });
    provider.account('mallory-upn', { preferred_username: 'tor@nav.example', name: 'Tor' });
    const attackers = [httpBrowser(), httpBrowser()];
    await callback(attackers[0]!, await toCallback(attackers[0]!, 'mallory-email'));
    await callback(attackers[1]!, await toCallback(attackers[1]!, 'mallory-upn'));

    // Siri still registers by invitation with her address, and signs in with her password.
    const invitation = await services.auth.createInvitation(await firstUser(), null);
    const siri = await services.auth.registerWithInvitation(invitation.token, { name: 'Siri', email: 'siri@nav.example', password: 'et-godt-passord' });
    expect(siri).toMatchObject({ ok: true, data: { user: { email: 'siri@nav.example' } } });
    expect((await services.auth.signIn({ email: 'siri@nav.example', password: 'et-godt-passord' }, '127.0.0.7')).ok).toBe(true);
    // Her own sign-in at the provider, with the address verified, reaches her account.
    provider.account('siri-sub', { email: 'siri@nav.example', email_verified: true, name: 'Siri' });
    const real = httpBrowser();
    expect((await callback(real, await toCallback(real, 'siri-sub'))).pathname).toBe('/prosjekter/abc');
    expect((await userFor(real))?.id).toBe(siri.ok ? siri.data.user.id : null);
    // Tor never registered: his verified sign-in makes his account, with his address.
    provider.account('tor-sub', { email: 'tor@nav.example', email_verified: true, name: 'Tor' });
    const tor = httpBrowser();
    expect((await callback(tor, await toCallback(tor, 'tor-sub'))).pathname).toBe('/prosjekter/abc');
    expect(await userFor(tor)).toMatchObject({ email: 'tor@nav.example', name: 'Tor' });

    // The claimants have accounts of their own, known by their provider identity and no address.
    const claimants = await Promise.all(attackers.map((a) => userFor(a)));
    expect(claimants.map((c) => c?.email)).toEqual([null, null]);
    expect(new Set([...claimants.map((c) => c?.id), siri.ok && siri.data.user.id, (await userFor(tor))?.id]).size).toBe(4);
  });

  it('gives an account its address once the provider verifies it, unless another account holds it', async () => {
    provider.account('lena-sub', { email: 'lena@nav.example', name: 'Lena' });
    const browser = httpBrowser();
    await callback(browser, await toCallback(browser, 'lena-sub'));
    const before = (await userFor(browser))!;
    expect(before.email).toBeNull();

    provider.account('lena-sub', { email: 'lena@nav.example', email_verified: true, name: 'Lena' });
    const again = httpBrowser();
    await callback(again, await toCallback(again, 'lena-sub'));
    expect(await userFor(again)).toMatchObject({ id: before.id, email: 'lena@nav.example' });
    expect(await unverifiedEmailOf(before.id)).toBeNull();

    // Uma's claim was taken by an invited registration before her provider verified it: her
    // sign-in still reaches her own account, which stays without an address.
    provider.account('uma-sub', { email: 'uma@nav.example', name: 'Uma' });
    const uma = httpBrowser();
    await callback(uma, await toCallback(uma, 'uma-sub'));
    const umaAccount = (await userFor(uma))!;
    const { services } = harness.server;
    const invitation = await services.auth.createInvitation(await firstUser(), null);
    expect((await services.auth.registerWithInvitation(invitation.token, { name: 'Uma B', email: 'uma@nav.example', password: 'et-godt-passord' })).ok).toBe(true);
    provider.account('uma-sub', { email: 'uma@nav.example', email_verified: true, name: 'Uma' });
    const later = httpBrowser();
    expect((await callback(later, await toCallback(later, 'uma-sub'))).pathname).toBe('/prosjekter/abc');
    expect(await userFor(later)).toMatchObject({ id: umaAccount.id, email: null });
  });

  it('gives a new account no projects until it takes up an invitation', async () => {
    const { services } = harness.server;
    provider.account('nina-sub', { email: 'nina@nav.example', email_verified: true, name: 'Nina' });
    const browser = httpBrowser();
    await callback(browser, await toCallback(browser, 'nina-sub'));
    const nina = (await userFor(browser))!;
    expect(await services.projects.listForUser(nina.id)).toEqual([]);

    const owner = await firstUser();
    const project = await services.projects.create(owner, { name: 'Innovasjonsprosjekt' });
    if (!project.ok) throw new Error(project.error.code);
    const invitation = await services.auth.createInvitation(owner, project.data.id);
    expect(await services.auth.acceptInvitation(invitation.token, nina.id)).toEqual({ ok: true, data: { projectId: project.data.id } });
    expect((await services.projects.listForUser(nina.id)).map((p) => p.id)).toEqual([project.data.id]);
    // The link is spent.
    expect(await services.auth.acceptInvitation(invitation.token, nina.id)).toMatchObject({ ok: false, error: { code: 'INVITATION_INVALID' } });
  });

  it('sends a hostile return path to the default instead', async () => {
    const browser = httpBrowser();
    const landing = await callback(browser, await toCallback(browser, 'ola-sub', '/%09/evil.example/'));
    expect(landing.href).toBe(`${harness.origin}/prosjekter`);
  });

  it('refuses a callback with the wrong state', async () => {
    const browser = httpBrowser();
    const url = await toCallback(browser, 'ola-sub');
    url.searchParams.set('state', 'forged-state');
    const landing = await callback(browser, url);
    expect(landing.searchParams.get('feil')).toBe('OIDC_STATE_INVALID');
    expect(browser.cookie(AUTH_COOKIE)).toBeUndefined();
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const victim = httpBrowser();
    const attacker = httpBrowser();
    const landing = await callback(victim, await toCallback(attacker, 'ola-sub'));
    expect(landing.searchParams.get('feil')).toBe('OIDC_STATE_INVALID');
    expect(victim.cookie(AUTH_COOKIE)).toBeUndefined();
  });

  it('refuses a tampered code', async () => {
    const browser = httpBrowser();
    const url = await toCallback(browser, 'ola-sub');
    url.searchParams.set('code', `${url.searchParams.get('code')!.slice(0, -2)}xx`);
    const landing = await callback(browser, url);
    expect(landing.searchParams.get('feil')).toBe('OIDC_FAILED');
    expect(browser.cookie(AUTH_COOKIE)).toBeUndefined();
  });

  it('refuses a replayed callback, even with the state cookie put back', async () => {
    const browser = httpBrowser();
    const url = await toCallback(browser, 'ola-sub');
    const state = browser.cookie(OIDC_STATE_COOKIE)!;
    await callback(browser, url);
    expect(await userFor(browser)).not.toBeNull();

    const replay = httpBrowser();
    replay.jar.set(OIDC_STATE_COOKIE, state);
    const landing = await callback(replay, url);
    expect(landing.searchParams.get('feil')).toBe('OIDC_STATE_INVALID');
    expect(replay.cookie(AUTH_COOKIE)).toBeUndefined();
  });

  it('shows a provider error (the user said no) on the sign-in page', async () => {
    const browser = httpBrowser();
    const url = await toCallback(browser, 'ola-sub');
    const denied = new URL(OIDC_CALLBACK_PATH, harness.origin);
    denied.searchParams.set('error', 'access_denied');
    denied.searchParams.set('state', url.searchParams.get('state')!);
    denied.searchParams.set('iss', provider.issuer);
    const landing = await callback(browser, denied);
    expect(landing.searchParams.get('feil')).toBe('OIDC_FAILED');
    expect(browser.cookie(AUTH_COOKIE)).toBeUndefined();
  });

  it('finishes a sign-in in progress after a flood of started sign-ins from elsewhere', { timeout: 300_000 }, async () => {
    const browser = httpBrowser();
    const url = await toCallback(browser, 'kari-sub');
    // More than any in-memory table of started sign-ins would keep (the old one kept 10,000).
    let left = 10_050;
    const flooder = async () => {
      while (left-- > 0) {
        const res = await fetch(`${harness.origin}/auth/oidc/start`, { redirect: 'manual' });
        expect(res.status).toBe(302);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 50 }, flooder));
    expect(await callback(browser, url)).toEqual(new URL('/prosjekter/abc', harness.origin));
    expect(await userFor(browser)).toMatchObject({ email: 'kari@nav.example' });
  });

  it('finishes in another process with the same secret, and not in one with another secret', async () => {
    const secret = harness.server.services.config.sessionSecret;
    const started = await createOidcFlow(oidc, secret, harness.server.log).start('/prosjekter/xyz');
    if (!started.ok) throw new Error(started.error.code);
    provider.signInAs('kari-sub');
    const { url } = await httpBrowser().follow(started.data.url, isCallback);
    const stranger = createOidcFlow(oidc, `${secret}-other`, harness.server.log);
    expect(await stranger.finish(url.search.slice(1), started.data.cookie)).toMatchObject({ ok: false, error: { code: 'OIDC_STATE_INVALID' } });
    const other = createOidcFlow(oidc, secret, harness.server.log);
    expect(await other.finish(url.search.slice(1), started.data.cookie)).toMatchObject({ ok: true, data: { returnTo: '/prosjekter/xyz', identity: { verifiedEmail: 'kari@nav.example' } } });
  });

  it('refuses a sign-in that took longer than its time limit', async () => {
    let clock = Date.now();
    const flow = createOidcFlow(oidc, harness.server.services.config.sessionSecret, harness.server.log, () => clock);
    const started = await flow.start('/prosjekter');
    if (!started.ok) throw new Error(started.error.code);
    const browser = httpBrowser();
    provider.signInAs('ola-sub');
    const { url } = await browser.follow(started.data.url, isCallback);
    clock += OIDC_FLOW_TTL_MS + 1;
    expect(await flow.finish(url.search.slice(1), started.data.cookie)).toMatchObject({ ok: false, error: { code: 'OIDC_STATE_INVALID' } });
  });
});

async function unverifiedEmailOf(userId: string): Promise<string | null | undefined> {
  const { users } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const [row] = await harness.server.services.database.db.select({ unverifiedEmail: users.unverifiedEmail }).from(users).where(eq(users.id, userId));
  return row?.unverifiedEmail;
}

async function firstUser(): Promise<string> {
  const { users } = await import('@/db/schema');
  const [row] = await harness.server.services.database.db.select({ id: users.id }).from(users).limit(1);
  return row!.id;
}
