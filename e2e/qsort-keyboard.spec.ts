import { expect, test, type Page } from '@playwright/test';
import { LAPTOP, PHONE, newParticipant, submitJoinForm } from './support/actors';
import { expectNoAxeViolations } from './support/axe';
import { signInFacilitator } from './support/facilitator';
import { sortIntoPiles, startDemoQsort } from './support/qsort';

/*
 * The Q grid made for hands: a laptop participant does the whole sort with the keyboard alone
 * (no click after joining), a phone participant by tapping one statement at a time, and the
 * facilitator sees both sorts arrive.
 */

/** What has the keyboard focus: its role and accessible name as a screen reader would get it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    const name = el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
    return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '', name: name.trim() };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on an element whose name matches; the number of presses. */
async function tabTo(page: Page, name: RegExp, { back = false, max = 60 } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (name.test((await focused(page)).name)) return i;
  }
  throw new Error(`no ${name} within ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

const expectFocus = async (page: Page, name: RegExp) => expect.poll(async () => (await focused(page)).name).toMatch(name);
const announcement = (page: Page) => page.getByTestId('qsort-announcement');

test('a Q-sort by keyboard alone on a laptop and by tapping on a phone; the facilitator sees both arrive', async ({ browser }) => {
  test.setTimeout(420_000);
  const facilitatorContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const facilitator = await facilitatorContext.newPage();
  await signInFacilitator(facilitator);
  const code = await test.step('the facilitator starts a Q-sort of the demo project’s statements', () => startDemoQsort(facilitator));

  const laptop = await newParticipant(browser, LAPTOP);
  const phone = await newParticipant(browser, PHONE);
  for (const p of [laptop, phone]) {
    await p.goto(`/delta/${code}`);
    await submitJoinForm(p);
    await expect(p.getByTestId('qsort-step')).toHaveText('Les utsagnene');
  }

  await test.step('laptop, keyboard only: read, and three piles with the focus staying on the pressed button', async () => {
    await tabTo(laptop, /^Jeg har lest utsagnene$/);
    await laptop.keyboard.press('Enter');
    await expect(laptop.getByTestId('qsort-step')).toHaveText('Tre grupper');
    // The read button became the (still disabled) Videre: the pile buttons are before it.
    await tabTo(laptop, /^Enig \(A\)$/, { back: true });
    for (let n = 1; n <= 36; n++) {
      if (n === 13 || n === 25) await laptop.keyboard.press('Tab');
      await expectFocus(laptop, n <= 12 ? /^Enig \(A\)$/ : n <= 24 ? /^Nøytral/ : /^Uenig \(B\)$/);
      await expect(laptop.getByText(`${n - 1} av 36 fordelt`)).toBeVisible();
      await laptop.keyboard.press('Enter');
    }
    await expect(laptop.getByText('Alle utsagnene er fordelt.', { exact: false })).toBeVisible();
    await tabTo(laptop, /^Videre$/);
    await laptop.keyboard.press('Enter');
    await expect(laptop.getByTestId('qsort-step')).toHaveText('Plasser i skjemaet');
  });

  await test.step('laptop, keyboard only: the tray and the grid are one tab stop each; arrow keys and Enter place every statement', async () => {
    await expect(laptop.getByTestId('qsort-grid')).toBeVisible();
    const pyramidWidth = (await laptop.getByTestId('qsort-grid').boundingBox())!.width;
    // The pyramid takes the laptop's width (it was 576 px): eleven columns of readable cards.
    expect(pyramidWidth).toBeGreaterThan(1200);
    await tabTo(laptop, /^Utsagn \d+\. .*\(A – enig\)$/, { back: true });
    expect((await focused(laptop)).role).toBe('option');
    // One Tab from the tray is the grid, one Shift+Tab back is the tray.
    await laptop.keyboard.press('Tab');
    await expectFocus(laptop, /^Kolonne \S+, plass \d+ av \d+: /);
    await laptop.keyboard.press('Shift+Tab');
    expect((await focused(laptop)).role).toBe('option');
    // Arrow keys inside the tray move the focus without placing anything.
    await laptop.keyboard.press('ArrowDown');
    await laptop.keyboard.press('ArrowUp');
    expect((await focused(laptop)).role).toBe('option');
    await expect(laptop.getByTestId('placed')).toHaveCount(0);

    // Enter picks the first up and takes the focus to a free cell on its pile's side (+5).
    const first = /^Utsagn (\d+)/.exec((await focused(laptop)).name)![1]!;
    await laptop.keyboard.press('Enter');
    await expect(announcement(laptop)).toHaveText(`Utsagn ${first} er plukket opp. Velg en ledig plass, eller et annet utsagn for å bytte.`);
    await expectFocus(laptop, /^Kolonne \+5, plass 1 av 1: ledig$/);
    await expect(laptop.getByTestId('reading-pane')).toContainText(`Utsagn ${first}`);
    // Escape lets go; the statement stays in the tray.
    await laptop.keyboard.press('Escape');
    await expect(announcement(laptop)).toHaveText(`Utsagn ${first} er lagt tilbake.`);
    await laptop.keyboard.press('Shift+Tab');
    await laptop.keyboard.press('Enter');
    // Left from the top cell of +5 keeps the bottom row: the second cell of +4.
    await laptop.keyboard.press('ArrowLeft');
    await expectFocus(laptop, /^Kolonne \+4, plass 2 av 2: ledig$/);
    await laptop.keyboard.press('Enter');
    await expect(announcement(laptop)).toHaveText(`Utsagn ${first} plassert i kolonne +4, 1 av 2 plasser brukt.`);
    await expectFocus(laptop, /^Utsagn \d+\. /);

    for (let placed = 1; placed < 36; placed++) {
      await expect(laptop.getByTestId('placed-count')).toHaveText(`${placed} av 36 plassert`);
      await expect.poll(async () => (await focused(laptop)).role).toBe('option');
      await laptop.keyboard.press('Enter');
      await expectFocus(laptop, /^Kolonne \S+, plass \d+ av \d+: ledig$/);
      await laptop.keyboard.press('Enter');
      await expect(announcement(laptop)).toContainText(/^Utsagn \d+ plassert i kolonne \S+, \d+ av \d+ plasser brukt\./);
      if (placed === 18) {
        // The reading pane is sticky: a viewport picture shows what the person sees.
        await laptop.screenshot({ path: 'docs/screenshots/qgrid-laptop-sorting.png' });
        await expectNoAxeViolations(laptop, 'Q pyramid on a laptop, half placed');
      }
    }
    await expect(laptop.getByTestId('placed-count')).toHaveText('36 av 36 plassert');
    await expect(announcement(laptop)).toContainText('Skjemaet er fullt.');
    await expect(laptop.getByText('Alle utsagnene er plassert.', { exact: true })).toBeVisible();
    await laptop.screenshot({ path: 'docs/screenshots/qgrid-laptop-full.png' });
    await expectNoAxeViolations(laptop, 'Q pyramid on a laptop, full');
  });

  await test.step('laptop, keyboard only: the review swaps two statements with Enter, an arrow key and Enter', async () => {
    await tabTo(laptop, /^Videre$/);
    await laptop.keyboard.press('Enter');
    await expect(laptop.getByTestId('qsort-step')).toHaveText('Se over');
    await tabTo(laptop, /^Kolonne /, { back: true });
    await laptop.keyboard.press('Home');
    await expectFocus(laptop, /^Kolonne −5, plass 1 av 1: utsagn \d+\. /);
    await laptop.keyboard.press('Enter');
    await expect(announcement(laptop)).toContainText('er plukket opp');
    await laptop.keyboard.press('ArrowRight');
    await expectFocus(laptop, /^Kolonne −4, plass 2 av 2: utsagn \d+\. /);
    // A hovered or focused card opens to its full text, and the reading pane shows it too.
    const focusedId = /utsagn (\d+)\./.exec((await focused(laptop)).name)![1]!;
    await expect(laptop.getByTestId('reading-pane')).toContainText(`Utsagn ${focusedId}`);
    await laptop.screenshot({ path: 'docs/screenshots/qgrid-laptop.png' });
    await laptop.keyboard.press('Enter');
    await expect(announcement(laptop)).toContainText(/^Utsagn \d+ og utsagn \d+ har byttet plass: \d+ står nå i kolonne −4, \d+ i kolonne −5\./);
    await expectFocus(laptop, /^Kolonne −4, plass 2 av 2: utsagn \d+\. /);
  });

  await test.step('laptop, keyboard only: comments, pseudonym and submit', async () => {
    await tabTo(laptop, /^Videre$/);
    await laptop.keyboard.press('Enter');
    await expect(laptop.getByTestId('qsort-step')).toHaveText('Kommentarer');
    await tabTo(laptop, /^Hvorfor plasserte du utsagn \d+ her\?/, { back: true, max: 20 });
    await laptop.keyboard.type('Dette er det viktigste for meg');
    await tabTo(laptop, /^Mangler noe blant utsagnene\?/);
    await laptop.keyboard.type('Tid til samarbeid med arbeidsgivere');
    await tabTo(laptop, /^Videre$/);
    await laptop.keyboard.press('Enter');
    await expect(laptop.getByTestId('qsort-step')).toHaveText('Pseudonym');
    await tabTo(laptop, /^Pseudonym/, { back: true });
    await laptop.keyboard.type('Tastaturet');
    await tabTo(laptop, /^Send inn sorteringen$/);
    await laptop.keyboard.press('Enter');
    await expect(laptop.getByTestId('qsort-done')).toBeVisible();
  });

  await test.step('phone, by tapping: one statement at a time, large column buttons, nothing wider than 360 px', async () => {
    await phone.getByRole('button', { name: 'Jeg har lest utsagnene' }).tap();
    await sortIntoPiles(phone, 36, { by: 'tap' });
    await expect(phone.locator('[data-qsort-board]')).toHaveCount(0);

    const columnButtons = phone.locator('[data-testid^="place-"]');
    await expect(columnButtons).toHaveCount(11);
    for (const button of await columnButtons.all()) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(await button.evaluate((el) => parseFloat(getComputedStyle(el.querySelector('span span:last-child') ?? el).fontSize))).toBeGreaterThanOrEqual(16);
    }
    await phone.screenshot({ path: 'docs/screenshots/qgrid-phone-step.png' });
    await expectNoAxeViolations(phone, 'Q step placement on a phone');

    for (let placed = 0; placed < 36; placed++) {
      await expect(phone.getByTestId('placed-count')).toHaveText(`${placed} av 36 plassert`);
      const id = /^Utsagn (\d+)$/.exec((await phone.locator('#qsort-step-heading').textContent()) ?? '')![1]!;
      await phone.locator('[data-testid^="place-"]:not([disabled])').first().tap();
      await expect(announcement(phone)).toContainText(new RegExp(`^Utsagn ${id} plassert i kolonne \\S+, \\d+ av \\d+ plasser brukt\\.`));
      if (placed === 20) {
        await phone.setViewportSize({ width: 360, height: 640 });
        await expectNoHorizontalScrollOrScrollBox(phone);
        await phone.screenshot({ path: 'docs/screenshots/qgrid-phone-360.png' });
        await phone.setViewportSize(PHONE.viewport);
      }
    }
    await expect(announcement(phone)).toContainText('Skjemaet er fullt');
    await expectNoHorizontalScrollOrScrollBox(phone);
  });

  await test.step('phone: the review swaps two statements by tapping them in the overview; comments and submit', async () => {
    await phone.getByRole('button', { name: 'Videre', exact: true }).tap();
    await expect(phone.getByTestId('qsort-step')).toHaveText('Se over');
    const placed = phone.getByTestId('placed');
    const [first, last] = [await placed.first().textContent(), await placed.last().textContent()];
    await placed.first().tap();
    await expect(phone.getByTestId('step-statement')).toBeVisible();
    await placed.last().tap();
    await expect(placed.first()).toHaveText(last ?? '');
    await expect(placed.last()).toHaveText(first ?? '');
    await expect(announcement(phone)).toContainText('har byttet plass');
    await phone.getByRole('button', { name: 'Videre', exact: true }).tap();
    await expect(phone.getByTestId('qsort-step')).toHaveText('Kommentarer');
    await phone.getByRole('button', { name: 'Videre', exact: true }).tap();
    await phone.getByRole('button', { name: 'Send inn sorteringen' }).tap();
    await expect(phone.getByTestId('qsort-done')).toBeVisible();
  });

  await test.step('the facilitator sees both sorts arrive', async () => {
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('2');
  });
});

/** No horizontal scrolling, and no element that scrolls inside the scrolling page. */
async function expectNoHorizontalScrollOrScrollBox(page: Page) {
  const found = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    boxes: [...document.querySelectorAll('body *')]
      .filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.getAttribute('data-testid') ?? el.className.toString().slice(0, 60)),
  }));
  expect(found.overflow).toBeLessThanOrEqual(0);
  expect(found.boxes).toEqual([]);
}
