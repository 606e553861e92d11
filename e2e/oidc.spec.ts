import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createVerkstedServer, type VerkstedServer } from '../server/app';
import { testConfig } from '../test/config';
import { startTestProvider } from '../test/oidc-test-provider';
import { freePort } from '../test/ports';
import { LAPTOP } from './support/actors';

/**
 * The shared e2e server has no OpenID Connect provider, so this spec starts its own: a real
 * oidc-provider and a second Verksted (the same build) configured to use it.
 */
test('signing in with the provider button in the browser', async ({ browser }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider({ redirectUri: `${origin}/auth/oidc/callback` });
  provider.account('kari-sub', { email: 'kari@nav.example', email_verified: true, name: 'Kari Nordmann' });
  provider.signInAs('kari-sub');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verksted-e2e-oidc-'));
  let server: VerkstedServer | null = null;
  try {
    server = await createVerkstedServer({
      config: testConfig({
        port,
        dataDir,
        seedDemo: false,
        logLevel: 'warn',
        oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri: `${origin}/auth/oidc/callback`, scopes: 'openid email profile', label: 'Testleverandør' },
      }),
      withNext: true,
      pgliteDir: null,
    });
    const first = await server.services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
    expect(first.ok).toBe(true);

    const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
    const page = await context.newPage();
    await test.step('the sign-in page offers the provider next to the password form', async () => {
      await page.goto(`${origin}/logg-inn?neste=/prosjekter`);
      await expect(page.getByLabel('Passord')).toBeVisible();
      // Aksel gives its link-styled Button role=button.
      await page.getByRole('button', { name: 'Logg inn med Testleverandør' }).click();
    });
    await test.step('after the provider, Kari is signed in with a new account and no projects yet', async () => {
      await expect(page).toHaveURL(`${origin}/prosjekter`);
      await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
      await expect(page.getByText('Du er ikke med i noen prosjekter ennå.')).toBeVisible();
    });
    await context.close();
    await test.step('a refused callback lands on the sign-in page with a translated message', async () => {
      const stranger = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
      const strangerPage = await stranger.newPage();
      await strangerPage.goto(`${origin}/auth/oidc/callback?code=forged&state=forged`);
      await expect(strangerPage).toHaveURL(/\/logg-inn\?feil=OIDC_STATE_INVALID$/);
      await expect(strangerPage.getByText('Innloggingen tok for lang tid eller ble avbrutt. Prøv igjen.')).toBeVisible();
      await stranger.close();
    });
  } finally {
    await server?.close();
    await provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
