import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_RETURN_PATHS, MALFORMED_PATHS } from '../test/hostile-inputs';
import { FACILITATOR, LAPTOP, PHONE, joinByCode, newParticipant } from './support/actors';
import { signInFacilitator } from './support/facilitator';
import { screenPath } from './support/big-screen';

/** Collects every CSP violation a page reports, from the console and from the DOM event. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return violations;
}

test('pages carry a nonce CSP and the other security headers, and nothing on them is blocked', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  const violations = await watchCsp(page);

  await test.step('the landing page: headers, and Next’s scripts carry the response’s nonce', async () => {
    const response = await page.goto('/');
    const headers = response!.headers();
    const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
    const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    await expect(page.getByRole('heading', { level: 1, name: 'Verksted' })).toBeVisible();
  });

  let code = '';
  await test.step('signed in, a live session with its QR code works', async () => {
    await signInFacilitator(page);
    await page.getByRole('link', { name: /Arbeid først/ }).first().click();
    await page.getByLabel('Tittel på økten').fill('CSP-sjekk');
    await page.getByRole('button', { name: 'Start live-økt' }).click();
    await expect(page).toHaveURL(/\/live\//);
    await expect(page.getByRole('img', { name: /QR-kode/ })).toBeVisible();
    code = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  });

  await test.step('a phone joins over socket.io and the facilitator sees it live', async () => {
    const phone = await newParticipant(browser, PHONE);
    const phoneViolations = await watchCsp(phone);
    await joinByCode(phone, code, 'Kari');
    await expect(phone.getByTestId('participant-identity')).toHaveText('Du deltar som Kari');
    const row = page.getByRole('list', { name: 'Deltakere' }).getByRole('listitem').filter({ hasText: 'Kari' });
    await expect(row).toContainText('Tilkoblet');
    expect(phoneViolations).toEqual([]);
  });

  await test.step('the presenter screen renders', async () => {
    const screen = await context.newPage();
    const screenViolations = await watchCsp(screen);
    await screen.goto(screenPath(page));
    await expect(screen.getByTestId('screen-code')).toBeVisible();
    expect(screenViolations).toEqual([]);
  });

  await test.step('the policy lets the page open a websocket to /yjs/ on our origin', async () => {
    // A CSP-blocked WebSocket throws SecurityError in its constructor; an allowed one just opens
    // (the server then refuses it for lacking a token, which is fine here).
    const outcome = await page.evaluate(() => {
      try {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/yjs/csp-probe`);
        ws.close();
        return 'allowed';
      } catch (err) {
        return String(err);
      }
    });
    expect(outcome).toBe('allowed');
  });

  expect(violations).toEqual([]);

  await test.step('another site cannot frame the console', async () => {
    const framer = await context.newPage();
    await framer.setContent(`<iframe id="f" src="${baseURL}/prosjekter" width="800" height="600"></iframe>`);
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    await expect.poll(async () => (await frame?.evaluate(() => document.body?.innerText ?? '').catch(() => '')) ?? '').not.toContain('Prosjekter');
    expect(await framer.locator('#f').count()).toBe(1);
  });
  await context.close();
});

test('hostile return paths and malformed URLs never give 500, and sign-in never leaves the site', async ({ browser, request, baseURL }) => {
  await test.step('the sign-in page answers every probe string', async () => {
    for (const neste of HOSTILE_RETURN_PATHS) {
      // Raw as the probe sent them (already percent-encoded), and encoded once more.
      for (const query of [neste.replace(/[\t\n\r\u0000 ]/g, encodeURIComponent), encodeURIComponent(neste)]) {
        const res = await request.get(`/logg-inn?neste=${query}`, { maxRedirects: 0 });
        expect(res.status(), `neste=${query}`).toBeLessThan(500);
      }
    }
  });

  await test.step('malformed paths get 400 or 404', async () => {
    for (const path of MALFORMED_PATHS) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect([400, 404], path).toContain(res.status());
      expect(res.headers()['x-frame-options']).toBe('DENY');
    }
  });

  await test.step('a real sign-in from /logg-inn?neste=/%09/evil.example/ ends on our own site', async () => {
    const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto('/logg-inn?neste=/%09/evil.example/prosjekter');
    await page.getByLabel('E-post').fill(FACILITATOR.email);
    await page.getByLabel('Passord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/prosjekter`);
    await context.close();
  });
});
