import { expect, type Page } from '@playwright/test';

/**
 * Places statements the way each layout offers: on a phone the next statement's first column
 * with room, on a laptop the tray's first statement into the pyramid's first free cell.
 */
export async function placeSome(page: Page, count: number) {
  const pyramid = (await page.locator('[data-qsort-board]').count()) > 0;
  for (let i = 0; i < count; i++) {
    const before = await page.getByTestId('placed').count();
    if (pyramid) {
      await page.getByTestId('qsort-tray').getByRole('option').first().click();
      await page.getByTestId('free-cell').first().click();
    } else {
      await page.locator('[data-testid^="place-"]:not([disabled])').first().click();
    }
    await expect(page.getByTestId('placed')).toHaveCount(before + 1);
  }
}

/** Starts a live Q-sort of the demo project's statement set from the project list; returns the join code. */
export async function startDemoQsort(facilitator: Page): Promise<string> {
  await facilitator.getByRole('link', { name: /Arbeid først/ }).first().click();
  await expect(facilitator).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}$/);
  await facilitator.goto(`${facilitator.url()}/utsagn`);
  await facilitator.getByRole('link', { name: /Q-utsagn fra Arbeid først/ }).first().click();
  await facilitator.getByRole('button', { name: 'Start Q-sortering' }).click();
  await expect(facilitator).toHaveURL(/\/live\//);
  await expect(facilitator.getByTestId('qsort-console')).toBeVisible();
  return ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
}

/** The three piles of a Q-sort's first step, by the names on their buttons. */
export const PILES = { agree: 'Enig (A)', neutral: 'Nøytral / ingen mening (C)', disagree: 'Uenig (B)' } as const;
export type Pile = keyof typeof PILES;
const inTurn: Pile[] = ['agree', 'neutral', 'disagree'];

/**
 * The first Q-sort step: every statement into a pile (by default agree, neutral, disagree in
 * turn; `pileOf` the n-th, from 1), by tap on a touch phone or by click, then on to the grid.
 */
export async function sortIntoPiles(page: Page, statements: number, { by = 'click', pileOf = (n: number) => inTurn[n % 3]! }: { by?: 'tap' | 'click'; pileOf?: (n: number) => Pile } = {}) {
  await expect(page.getByTestId('qsort-step')).toHaveText('Tre grupper');
  for (let n = 1; n <= statements; n++) {
    await expect(page.getByText(`${n - 1} av ${statements} fordelt`)).toBeVisible();
    await page.getByRole('button', { name: PILES[pileOf(n)], exact: true })[by]();
  }
  await expect(page.getByText('Alle utsagnene er fordelt.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Videre', exact: true })[by]();
  await expect(page.getByTestId('qsort-step')).toHaveText('Plasser i skjemaet');
}
