import { expect, type Page } from '@playwright/test';
import { FACILITATOR } from './actors';

/** Signs the facilitator in, doing the first-run setup if this database has no account yet. */
export async function signInFacilitator(page: Page) {
  await page.goto('/logg-inn');
  if (page.url().endsWith('/oppsett')) {
    await page.getByLabel('Navn').fill(FACILITATOR.name);
    await page.getByLabel('E-post').fill(FACILITATOR.email);
    await page.getByLabel('Passord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Opprett konto' }).click();
  } else if (!page.url().includes('/prosjekter')) {
    await page.getByLabel('E-post').fill(FACILITATOR.email);
    await page.getByLabel('Passord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
  }
  await expect(page).toHaveURL(/\/prosjekter$/);
}

/**
 * The link to the demo workshop's own page. The project page also names it in links elsewhere
 * (the timeline, once any spec on this server has left something in it), so match the target.
 */
export const demoWorkshopLink = (page: Page) => page.locator('a[href*="/verksted/"]').filter({ hasText: /Utviklingsverksted 1/ }).first();

/**
 * From the project list, starts the demo project's ready workshop; resolves to its join code.
 * `startLabel` is the start button's text in the page's language.
 */
export async function startDemoWorkshop(page: Page, startLabel = 'Start verkstedet'): Promise<string> {
  await page.getByRole('link', { name: /Arbeid først/ }).first().click();
  await demoWorkshopLink(page).click();
  await page.getByRole('button', { name: startLabel }).click();
  await expect(page).toHaveURL(/\/live\//);
  return ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
}

/** Starts the workshop's agenda from the console and returns how many findings its first round has. */
export async function startProgramme(facilitator: Page): Promise<number> {
  await facilitator.getByRole('button', { name: 'Start programmet' }).click();
  const total = Number(((await facilitator.getByText(/^Funn 1 av \d+$/).textContent()) ?? '').match(/av (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(1);
  return total;
}
