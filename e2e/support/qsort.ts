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
