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
