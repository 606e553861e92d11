import { expect, type Browser, type Page } from '@playwright/test';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
export const LAPTOP = { viewport: { width: 1440, height: 900 } } as const;
/** A tablet in landscape, worked with a finger. */
export const TABLET = { viewport: { width: 1180, height: 820 }, hasTouch: true, deviceScaleFactor: 2 } as const;

export const FACILITATOR = { name: 'Ingrid Fasilitator', email: 'ingrid@nav.example', password: 'et-godt-passord-123' };

/** A participant on their own device: a fresh browser context, as a separate person. */
export async function newParticipant(browser: Browser, device: typeof PHONE | typeof LAPTOP = PHONE): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: 'nb-NO' });
  return context.newPage();
}

/** Types the join code on the front page, as someone reading it off the projector would. */
export async function joinByCode(page: Page, code: string, displayName: string | null) {
  await page.goto('/');
  await page.getByLabel('Kode').fill(code.toLowerCase().replace(/^(...)/, '$1 '));
  await page.getByRole('button', { name: 'Bli med' }).click();
  await expect(page).toHaveURL(new RegExp(`/delta/${code}$`));
  if (displayName) await page.getByLabel('Navn (valgfritt)').fill(displayName);
  await submitJoinForm(page);
}

/** Sends the join form, first ticking that one has read the consent text when the project asks. */
export async function submitJoinForm(page: Page) {
  const join = page.getByRole('button', { name: 'Bli med' });
  await join.waitFor();
  const consent = page.getByRole('checkbox', { name: 'Jeg har lest og samtykker' });
  if (await consent.isVisible()) await consent.check();
  await join.click();
}

/** Joins by the link's code without a name, ticking the consent when asked. */
export async function joinAnonymously(page: Page, code: string) {
  await page.goto(`/delta/${code}`);
  await submitJoinForm(page);
  await expect(page.getByText('Du deltar anonymt')).toBeVisible();
}
