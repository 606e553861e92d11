import { expect, test } from '@playwright/test';
import { LAPTOP, PHONE, newParticipant, submitJoinForm } from './support/actors';
import { signInFacilitator } from './support/facilitator';

test('prepare a workshop in minutes: default agenda, group by office, start; phones are asked for their office', async ({ browser }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  await signInFacilitator(page);

  await test.step('a new workshop in the demo project comes with a ready agenda', async () => {
    await page.getByRole('link', { name: /Arbeid først/ }).first().click();
    await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Nytt verksted eller se alle' }).click();
    // A client-side navigation: the project page's "Tittel på økten" also matches the label below,
    // and on a loaded machine a fill made before the list is shown lands there (networkidle fired long ago).
    await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}\/verksted$/);
    // Controlled inputs: type after the page has hydrated, as a person would.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Tittel').first().fill('Verksted 2: Fase 2');
    await page.getByRole('button', { name: 'Opprett verksted' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verksted 2: Fase 2' })).toBeVisible();
    for (const [i, kind] of ['Funnrunde', 'Grupperefleksjon', 'Plenum', 'Avslutningsrunde'].entries()) {
      await expect(page.getByText(`Steg ${i + 1} · ${kind}`)).toBeVisible();
    }
  });

  await test.step('the group reflection is set to group by NAV office', async () => {
    await page.getByRole('button', { name: /^Rediger Refleksjon i grupper/ }).click();
    await page.getByRole('radio', { name: 'Etter et svar deltakerne gir når de blir med' }).check();
    await page.getByLabel('Hva skal gruppene deles etter?').fill('NAV-kontor');
    await page.getByRole('button', { name: 'Lagre' }).first().click();
    await expect(page.getByText(/delt etter NAV-kontor/)).toBeVisible();
    await page.screenshot({ path: 'docs/screenshots/workshop-editor.png', fullPage: true });
  });

  await test.step('starting it opens the console; a phone is asked which office it comes from', async () => {
    await page.getByRole('button', { name: 'Start verkstedet' }).click();
    await expect(page).toHaveURL(/\/live\//);
    const code = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    const phone = await newParticipant(browser, PHONE);
    await phone.goto(`/delta/${code}`);
    await expect(phone.getByLabel('Navn (valgfritt)')).toBeHidden();
    await phone.getByLabel('NAV-kontor').fill('NAV Gjøvik');
    await submitJoinForm(phone);
    await expect(phone.getByText('Du deltar anonymt')).toBeVisible();
  });
});
