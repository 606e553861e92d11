import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LAPTOP, PHONE, submitJoinForm } from './support/actors';
import { signInFacilitator } from './support/facilitator';
import { PROJECTOR, screenPath } from './support/big-screen';

/**
 * A workshop room may have a local network and no internet. Every page must then look as it
 * does online: nothing may be fetched from another origin (fonts were, from NAV's CDN), the
 * real typeface must load, and the icons and manifest that make the participant page
 * installable must be there.
 */

/** What a page tried to reach outside our origin, by request or refused by our CSP. */
interface Outside {
  requests: string[];
  refused: string[];
}

/** Aborts and records every request and websocket to another origin, in the whole context. */
async function cutOffTheInternet(context: BrowserContext, origin: string): Promise<Outside> {
  const outside: Outside = { requests: [], refused: [] };
  const foreign = (url: URL) => url.origin !== origin && !['data:', 'blob:'].includes(url.protocol);
  await context.route(foreign, (route) => {
    outside.requests.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await context.routeWebSocket(
    (url) => url.host !== new URL(origin).host,
    (ws) => {
      outside.requests.push(ws.url());
      return ws.close();
    },
  );
  // A request our CSP blocks never reaches the network (nor the route above): record those too.
  await context.exposeFunction('reportRefused', (line: string) => void outside.refused.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportRefused: (l: string) => void }).reportRefused(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return outside;
}

/** The fonts the page fetched (all must be ours and load), and whether its text uses them. */
async function expectOwnFonts(page: Page, fonts: string[]) {
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), status: f.status, weight: f.weight }));
  });
  const loaded = faces.filter((f) => f.family === 'Source Sans 3' && f.status === 'loaded');
  expect(loaded.length, JSON.stringify(faces)).toBeGreaterThan(0);
  expect(faces.filter((f) => f.status === 'error')).toEqual([]);
  // check() is true for a family with no faces at all, so only together with the above it proves use.
  expect(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"'))).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Source Sans 3"?,/);
  expect(fonts.length).toBeGreaterThan(0);
}

/** Records the font files a page downloads (their URL and status). */
function watchFonts(page: Page): string[] {
  const fonts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'font') fonts.push(`${response.status()} ${response.url()}`);
  });
  return fonts;
}

/** Every icon and manifest link on the page answers 200 with the right kind of body. */
async function expectIconsAndManifest(page: Page) {
  // Anywhere in the document: Next may stream metadata into the body.
  const links = await page.locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').evaluateAll((els) =>
    els.map((el) => ({ rel: el.getAttribute('rel') ?? '', href: (el as HTMLLinkElement).href })),
  );
  expect(links.map((l) => l.rel).sort()).toEqual(expect.arrayContaining(['apple-touch-icon', 'icon', 'manifest']));
  for (const { rel, href } of links) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toMatch(rel === 'manifest' ? /manifest\+json|json/ : /^image\//);
  }
}

test('every main page works with no internet: nothing from other origins, our own fonts, icons and a manifest', async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const desk = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const deskOutside = await cutOffTheInternet(desk, origin);
  const page = await desk.newPage();
  const fonts = watchFonts(page);

  await test.step('the front page', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Verksted' })).toBeVisible();
    await expectOwnFonts(page, fonts);
    await expectIconsAndManifest(page);
  });

  await test.step('sign-in, the project list and a project', async () => {
    await signInFacilitator(page);
    await expectOwnFonts(page, fonts);
    await page.getByRole('link', { name: /Arbeid først/ }).first().click();
    await expect(page).toHaveURL(/\/prosjekter\/[^/]+$/);
    await expectOwnFonts(page, fonts);
  });

  let code = '';
  await test.step('the live console of a new session', async () => {
    await page.getByLabel('Tittel på økten').fill('Uten internett');
    await page.getByRole('button', { name: 'Start live-økt' }).click();
    await expect(page).toHaveURL(/\/live\//);
    code = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    expect(code).not.toBe('');
    await expectOwnFonts(page, fonts);
  });

  await test.step('the big screen at 1920×1080', async () => {
    const screen = await desk.newPage();
    const screenFonts = watchFonts(screen);
    await screen.setViewportSize(PROJECTOR);
    await screen.goto(screenPath(page));
    await expect(screen.getByTestId('screen-code')).toBeVisible();
    await expectOwnFonts(screen, screenFonts);
  });

  await test.step('a phone at 390×844 opens the participant page and joins', async () => {
    const phoneContext = await browser.newContext({ ...PHONE, locale: 'nb-NO' });
    const phoneOutside = await cutOffTheInternet(phoneContext, origin);
    const phone = await phoneContext.newPage();
    const phoneFonts = watchFonts(phone);
    await phone.goto('/delta');
    await expectIconsAndManifest(phone);
    // Chrome's own verdict on the manifest, icons and start page. A Playwright context is an
    // incognito-like profile, where Chrome never offers to install: every other reason counts.
    const cdp = await phoneContext.newCDPSession(phone);
    await expect
      .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'))
      .toEqual([]);
    expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
    await phone.goto(`/delta/${code}`);
    await submitJoinForm(phone);
    await expect(phone.getByText('Du deltar anonymt')).toBeVisible();
    await expectOwnFonts(phone, phoneFonts);
    expect(phoneOutside).toEqual({ requests: [], refused: [] });
    expect(phoneFonts.every((f) => f.startsWith(`200 ${origin}/`)), phoneFonts.join('\n')).toBe(true);
    await phoneContext.close();
  });

  await test.step('the manifest makes /delta an installable standalone app, and /favicon.ico is there', async () => {
    const manifest = await page.request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    const body = (await manifest.json()) as { start_url: string; display: string; icons: { src: string; sizes: string }[] };
    expect(body).toMatchObject({ start_url: '/delta', display: 'standalone' });
    for (const icon of body.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
    const favicon = await page.request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  });

  expect(deskOutside).toEqual({ requests: [], refused: [] });
  expect(fonts.every((f) => f.startsWith(`200 ${origin}/`)), fonts.join('\n')).toBe(true);
  await desk.close();
});
