import { gzipSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PHONE, joinAnonymously, newParticipant } from './support/actors';
import { signInFacilitator, startDemoWorkshop, startProgramme } from './support/facilitator';

/**
 * What a phone downloads to take part (issue 14). The goals: the participant page's
 * JavaScript at most 200 KB gzipped, split per activity kind so a phone in a findings round does
 * not load the Q grid, the board editor or the console; and the page loaded in under 2 s on a
 * Fast 3G connection. Neither is reached yet (bench/README.md, "The phone page": 275 KB, of
 * which the framework alone is 134 KB, and `load` at about 4.5 s). So this spec holds what has
 * been reached, as ceilings that fail on a regression (the UI registry leaking every kind's parts
 * into every page put it at 412 KB), and reports the measured figures beside the goals.
 */
const GOAL_GZIP_BYTES = 200 * 1024;
const CEILING_GZIP_BYTES = 290 * 1024;
const GOAL_FAST_3G_MS = 2000;
/** Measured 4.5 s on a quiet machine; the ceiling leaves room for a loaded CI run, not for more bytes. */
const CEILING_FAST_3G_MS = 8000;
/** Chrome DevTools' "Fast 3G" preset: 1.6 Mbit/s down and 750 kbit/s up at 90 %, 562.5 ms latency. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 };

/** Strings only a part's code holds: Yjs's (the boards), the Q grid's and the Q console's. */
const SIGNATURES = { yjs: 'Yjs was already imported', qGrid: 'qsort-grid', qConsole: 'qsort-console' };

/** Every script the page loads from our origin while `load` runs and until the network is quiet, gzipped as it would travel. */
async function scriptsOf(page: Page, load: () => Promise<void>) {
  const origin = new URL(page.url() === 'about:blank' ? (test.info().project.use.baseURL ?? '') : page.url()).origin;
  const seen = new Map<string, Promise<{ gzip: number; parts: string[] }>>();
  page.on('response', (response) => {
    const url = response.url();
    if (response.request().resourceType() !== 'script' || !url.startsWith(origin) || seen.has(url)) return;
    seen.set(
      url,
      response.body().then(
        (body) => ({ gzip: gzipSync(body).length, parts: Object.entries(SIGNATURES).flatMap(([part, mark]) => (body.includes(mark) ? [part] : [])) }),
        () => ({ gzip: 0, parts: [] }),
      ),
    );
  });
  await load();
  await page.waitForLoadState('networkidle');
  const scripts = await Promise.all([...seen.entries()].map(async ([url, got]) => ({ url: new URL(url).pathname, ...(await got) })));
  return { scripts, total: scripts.reduce((sum, s) => sum + s.gzip, 0), parts: new Set(scripts.flatMap((s) => s.parts)) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function onFast3g(browser: Browser, code: string) {
  const context = await browser.newContext({ ...PHONE, locale: 'nb-NO' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await page.goto(`/delta/${code}`, { waitUntil: 'load' });
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return { domContentLoaded: nav!.domContentLoadedEventEnd, load: nav!.loadEventEnd };
  });
  // Usable, not only loaded: the join button answers (React has hydrated the form).
  await expect(page.getByRole('button', { name: 'Bli med' })).toBeEnabled();
  await context.close();
  return timing;
}

test('a phone downloads little to take part, and loads quickly on a slow network', async ({ page: facilitator, browser }) => {
  await signInFacilitator(facilitator);
  const code = await startDemoWorkshop(facilitator);
  await startProgramme(facilitator);

  // A phone in the findings round, as it comes back to the page (a reload, say).
  const phone = await newParticipant(browser, PHONE);
  await joinAnonymously(phone, code);
  await expect(phone.getByText(/Funn 1 av \d+/)).toBeVisible();
  const inRound = await scriptsOf(phone, async () => {
    await phone.reload();
    await expect(phone.getByText(/Funn 1 av \d+/)).toBeVisible();
  });
  const listing = inRound.scripts.map((s) => `${kb(s.gzip).padStart(9)} ${s.url}`).join('\n');
  test.info().annotations.push({ type: 'phone JavaScript (findings round)', description: `${kb(inRound.total)} in ${inRound.scripts.length} scripts` });

  // Someone arriving by the code: the join form.
  const newcomer = await newParticipant(browser, PHONE);
  const joining = await scriptsOf(newcomer, async () => {
    await newcomer.goto(`/delta/${code}`);
    await expect(newcomer.getByRole('button', { name: 'Bli med' })).toBeVisible();
  });
  test.info().annotations.push({ type: 'phone JavaScript (join form)', description: `${kb(joining.total)} in ${joining.scripts.length} scripts` });

  // Fast 3G: the join page is loaded and its button answers within the budget.
  const timing = await onFast3g(browser, code);
  test.info().annotations.push({ type: 'Fast 3G', description: `DOMContentLoaded ${Math.round(timing.domContentLoaded)} ms, load ${Math.round(timing.load)} ms` });
  const report = `phone JS: findings round ${kb(inRound.total)}, join form ${kb(joining.total)} (goal ${kb(GOAL_GZIP_BYTES)}); Fast 3G DOMContentLoaded ${Math.round(timing.domContentLoaded)} ms, load ${Math.round(timing.load)} ms (goal ${GOAL_FAST_3G_MS} ms)`;
  test.info().annotations.push({ type: 'issue 14 goals', description: report });
  console.log(report);
  expect(inRound.total, `the participant page's JavaScript, gzipped:\n${listing}`).toBeLessThanOrEqual(CEILING_GZIP_BYTES);
  expect(joining.total).toBeLessThanOrEqual(CEILING_GZIP_BYTES);
  // Split per kind: the findings round's phone loads neither the Yjs board nor the Q grid.
  expect([...inRound.parts]).toEqual([]);
  expect([...joining.parts]).toEqual([]);
  expect(timing.load, `load on Fast 3G: ${JSON.stringify(timing)}`).toBeLessThan(CEILING_FAST_3G_MS);

  await phone.context().close();
  await newcomer.context().close();
});
