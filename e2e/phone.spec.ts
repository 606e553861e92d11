import { expect, test, type Browser, type Page } from '@playwright/test';
import { LAPTOP, joinAnonymously } from './support/actors';
import { signInFacilitator, startDemoWorkshop } from './support/facilitator';

const SMALL_PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
const LANDSCAPE = { width: 640, height: 360 };

const shot = (name: string) => ({ path: `test-results/phone/${name}.png`, fullPage: true });

async function phone(browser: Browser, device: typeof SMALL_PHONE | typeof PHONE): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: 'nb-NO' });
  return context.newPage();
}

/**
 * What does not fit a phone, measured in the page: horizontal scrolling, controls under 44 px
 * (a radio or checkbox counts with its label, as a tap on either works) and text under 16 px.
 * Hidden and screen-reader-only elements do not count; inline links inside text are exempt, as
 * WCAG 2.5.5 allows.
 */
function phoneProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const scrolling = document.scrollingElement!;
    if (scrolling.scrollWidth > window.innerWidth) problems.push(`scrolls sideways: ${scrolling.scrollWidth} > ${window.innerWidth}`);
    const main = document.querySelector('main')!;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && style.clip !== 'rect(0px, 0px, 0px, 0px)' && !el.closest('.sr-only, [aria-hidden="true"]');
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 30)}"`;
    const controls = main.querySelectorAll('button, select, textarea, input, [role="button"], a');
    for (const control of controls) {
      if (control instanceof HTMLInputElement && control.type === 'hidden') continue;
      if (control.tagName === 'A' && getComputedStyle(control).display === 'inline') continue;
      const target = control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox') ? (control.closest('label, .aksel-radio, .aksel-checkbox') ?? control.parentElement!) : control;
      if (!shown(target)) continue;
      const r = target.getBoundingClientRect();
      if (Math.round(r.height) < 44 || Math.round(r.width) < 44) problems.push(`small target ${Math.round(r.width)}×${Math.round(r.height)}: ${name(control)}`);
    }
    for (const el of main.querySelectorAll('*')) {
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!text || !shown(el) || el.closest('svg')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) problems.push(`small text ${size}px: ${name(el)}`);
    }
    return [...new Set(problems)];
  });
}

/** Checks a phone upright and, for the small one, on its side; puts it back upright. */
async function fitsPhone(page: Page, step: string, landscape: boolean) {
  const upright = page.viewportSize()!;
  expect.soft(await phoneProblems(page), `${step} at ${upright.width}×${upright.height}`).toEqual([]);
  await page.screenshot(shot(`${step}-${upright.width}`));
  if (!landscape) return;
  await page.setViewportSize(LANDSCAPE);
  expect.soft(await phoneProblems(page), `${step} at 640×360`).toEqual([]);
  await page.screenshot(shot(`${step}-landscape`));
  await page.setViewportSize(upright);
}

test('phones in the room: everything fits, the time stays in view, connection loss and a moved device are said plainly', async ({ browser }) => {
  test.setTimeout(300_000);
  const laptop = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const facilitator = await laptop.newPage();
  await signInFacilitator(facilitator);
  const code = await startDemoWorkshop(facilitator);

  const small = await phone(browser, SMALL_PHONE);
  const big = await phone(browser, PHONE);
  await test.step('two phones join; the waiting page fits both', async () => {
    for (const p of [small, big]) await joinAnonymously(p, code);
    await expect(big.getByTestId('participants-online')).toHaveText('2 deltakere tilkoblet');
    await fitsPhone(small, 'welcome', true);
    await fitsPhone(big, 'welcome', false);
  });

  await test.step('every step of the demo workshop fits: findings, reflection, plenary, closing', async () => {
    await facilitator.getByRole('button', { name: 'Start programmet' }).click();
    await expect(small.getByRole('radio', { name: 'Kjenner igjen' })).toBeVisible();
    await fitsPhone(small, 'findings', true);
    await fitsPhone(big, 'findings', false);
    for (let i = 0; i < 6; i++) await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    for (const p of [small, big]) await expect(p.getByTestId('my-group')).toBeVisible();
    await expect(small.getByTestId('board')).toHaveAttribute('data-status', 'synced');
    await fitsPhone(small, 'reflection', true);
    await fitsPhone(big, 'reflection', false);
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(facilitator.getByTestId('current-activity')).toContainText('Plenum');
    await expect(small.getByRole('heading', { level: 2, name: 'Plenum: hva er viktigst?' })).toBeVisible();
    await fitsPhone(small, 'plenary', true);
    await fitsPhone(big, 'plenary', false);
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(facilitator.getByTestId('current-activity')).toContainText('Avslutning');
    await expect(small.getByRole('button', { name: 'Send' })).toBeVisible();
    await fitsPhone(small, 'closing', true);
    await fitsPhone(big, 'closing', false);
  });

  await test.step('"Sett tid" takes minutes: a bad value is refused and kept, "0,2" is 12 seconds', async () => {
    const minutes = facilitator.getByLabel('Sett tid (minutter)');
    await minutes.fill('to');
    await facilitator.getByRole('button', { name: 'Start tid' }).click();
    await expect(facilitator.getByText('Skriv antall minutter som et tall, for eksempel 2 eller 1,5.')).toBeVisible();
    await expect(minutes).toHaveValue('to');
    await minutes.fill('1,5');
    await facilitator.getByRole('button', { name: 'Start tid' }).click();
    await expect(small.getByRole('timer')).toHaveText(/^1:(30|2\d)$/);
  });

  await test.step('the timer stays in view when the page is scrolled, and a paused timer says so', async () => {
    for (const [p, size] of [[small, null], [small, LANDSCAPE], [big, null]] as const) {
      if (size) await p.setViewportSize(size);
      const scrollable = await p.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight + 200);
      // The closing form is longer than the small screen; the bigger one is checked if it scrolls.
      if (p === small) expect(scrollable, 'the closing form is longer than the screen').toBe(true);
      await p.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
      await expect(p.getByRole('timer')).toBeInViewport();
    }
    await small.setViewportSize(SMALL_PHONE.viewport);
    await facilitator.getByRole('button', { name: 'Pause' }).click();
    await expect(small.getByTestId('countdown-paused')).toHaveText('Pause – tiden står stille');
    await expect(small.getByTestId('countdown-paused')).toBeInViewport();
    await small.screenshot({ path: 'test-results/phone/timer-paused.png' });
  });

  await test.step('time running out is said in words, in a live region', async () => {
    await facilitator.getByLabel('Sett tid (minutter)').fill('0,2');
    await facilitator.getByRole('button', { name: 'Start tid' }).click();
    // The page's one live region (components/live/Announcer.tsx) reads it out; the countdown shows it.
    const up = big.getByTestId('announcer');
    await expect(up).toHaveAttribute('aria-live', 'polite');
    await expect(up).not.toHaveText(/Tiden er ute/, { timeout: 5_000 });
    await expect(up).toHaveText('Tiden er ute', { timeout: 30_000 });
    await expect(big.getByTestId('countdown')).toContainText('Tiden er ute');
  });

  await test.step('a phone that loses the network says so within 5 s, and comes back by itself', async () => {
    await expect(big.getByTestId('participants-online')).toBeVisible();
    await big.context().setOffline(true);
    const lostAt = Date.now();
    await expect(big.getByTestId('connection-lost')).toBeVisible({ timeout: 5_000 });
    expect(Date.now() - lostAt).toBeLessThan(5_000);
    await expect(big.getByTestId('connection-lost')).toContainText('Du er frakoblet');
    await expect(big.getByTestId('participants-online')).toBeHidden();
    await big.screenshot({ path: 'test-results/phone/offline.png' });
    await big.context().setOffline(false);
    await expect(big.getByTestId('connection-lost')).toBeHidden({ timeout: 20_000 });
    await expect(big.getByTestId('participants-online')).toHaveText('2 deltakere tilkoblet');
  });

  await test.step('after moving to another phone, the old one takes no input and says where the work went', async () => {
    await small.getByRole('button', { name: 'Bytt enhet' }).click();
    await small.getByRole('button', { name: 'Lag lenke til en annen enhet' }).click();
    const url = (await small.getByTestId('resume-url').textContent()) ?? '';
    expect(url).toContain('fortsett=');
    const next = await phone(browser, PHONE);
    await next.goto(url);
    await expect(next.getByRole('button', { name: 'Send' })).toBeVisible();
    await expect(small.getByTestId('device-moved')).toBeVisible({ timeout: 10_000 });
    await expect(small.getByTestId('device-moved')).toContainText('Du fortsatte på en annen enhet');
    await expect(small.locator('main').locator('input, textarea, select, button')).toHaveCount(0);
    await expect(small.getByText(/Lagrer/)).toHaveCount(0);
    await small.screenshot({ path: 'test-results/phone/moved.png' });
    await next.context().close();
  });

  await laptop.close();
  await small.context().close();
  await big.context().close();
});
