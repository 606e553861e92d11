import { expect, test } from '@playwright/test';
import { LAPTOP, PHONE, joinByCode, newParticipant } from './support/actors';
import { signInFacilitator } from './support/facilitator';

test('a facilitator deletes a running session (its phone is told) and then the whole project, each after typing its name', async ({ browser }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  await signInFacilitator(page);
  const projectName = `Slettes snart ${Date.now().toString(36)}`;
  let projectUrl = '';

  await test.step('a new project with a live session a phone has joined', async () => {
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Nytt prosjekt' }).click();
    await page.getByLabel('Prosjektnavn').fill(projectName);
    await page.getByRole('button', { name: 'Opprett prosjekt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
    projectUrl = page.url();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Tittel på økten').fill('Morgenmøte');
    await page.getByRole('button', { name: 'Start live-økt' }).click();
    await expect(page).toHaveURL(/\/live\//);
  });
  const code = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  const phone = await newParticipant(browser, PHONE);
  await joinByCode(phone, code, null);
  await expect(phone.getByText('Økten er slettet, med alt som ble skrevet i den.')).toBeHidden();

  await test.step('deleting the session asks for its title and tells the phone', async () => {
    await page.goto(projectUrl);
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Slett Morgenmøte' }).click();
    const confirm = page.getByRole('button', { name: 'Ja, slett økten' });
    await expect(confirm).toBeDisabled();
    await page.getByLabel('Skriv «Morgenmøte» for å bekrefte').fill('morgenmøte');
    await confirm.click();
    await expect(page.getByRole('link', { name: 'Morgenmøte' })).toBeHidden();
    await expect(phone.getByText('Økten er slettet, med alt som ble skrevet i den.')).toBeVisible();
  });

  await test.step('deleting the project asks for its name and leads back to the project list', async () => {
    await page.getByRole('button', { name: 'Slett prosjektet' }).click();
    await page.getByLabel(`Skriv «${projectName}» for å bekrefte`).fill(projectName);
    await page.getByRole('button', { name: 'Ja, slett prosjektet' }).click();
    await expect(page).toHaveURL(/\/prosjekter$/);
    await expect(page.getByRole('link', { name: projectName })).toBeHidden();
    const gone = await page.goto(projectUrl);
    expect(gone?.status()).toBe(404);
  });
});
