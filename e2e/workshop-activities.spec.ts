import { expect, test } from '@playwright/test';
import { LAPTOP, PHONE, newParticipant, submitJoinForm } from './support/actors';
import { placeSome, sortIntoPiles } from './support/qsort';
import { signInFacilitator } from './support/facilitator';
import { openBigScreen } from './support/big-screen';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: true });

test('a Q-sort as a workshop activity: added in the agenda editor, started, sorted on phones, still analysable in the plenary', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  await signInFacilitator(page);

  await test.step('the facilitator adds a Q-sort of the demo set to a new workshop', async () => {
    await page.getByRole('link', { name: /Arbeid først/ }).first().click();
    await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Nytt verksted eller se alle' }).click();
    // A client-side navigation: the project page's "Tittel på økten" also matches the label below,
    // and on a loaded machine a fill made before the list is shown lands there (networkidle fired long ago).
    await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}\/verksted$/);
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Tittel').first().fill('Verksted 3: Q-sortering');
    await page.getByRole('button', { name: 'Opprett verksted' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verksted 3: Q-sortering' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Legg til aktivitet' }).click();
    await page.getByRole('menuitem', { name: /Q-sortering/ }).click();
    // The new activity opens for editing with the project's set chosen.
    const form = page.getByRole('form', { name: /Rediger Hvor enig er du i utsagnene/ });
    await expect(form.getByLabel('Utsagnssett')).toHaveValue(/[0-9a-f-]{36}/);
    await form.getByLabel('Tittel').fill('Hva er viktigst for dere?');
    await form.screenshot({ path: 'docs/screenshots/workshop-editor-qsort-form.png' });
    await form.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.getByText('Steg 5 · Q-sortering')).toBeVisible();
    await expect(page.getByText(/: 36 utsagn/)).toBeVisible();
    // A workshop may hold several Q-sorts: a second one is offered too.
    await page.getByRole('button', { name: 'Legg til aktivitet' }).click();
    await expect(page.getByRole('menuitem', { name: /Q-sortering/ })).toBeEnabled();
    await page.keyboard.press('Escape');
    await page.screenshot(shot('workshop-editor-qsort'));
  });

  let code = '';
  await test.step('starting it and going to the Q-sort step opens the sorting console', async () => {
    await page.getByRole('button', { name: 'Start verkstedet' }).click();
    await expect(page).toHaveURL(/\/live\//);
    code = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    await page.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: /Hva er viktigst for dere/ }).click();
    await expect(page.getByTestId('current-activity')).toHaveText('Q-sortering: Hva er viktigst for dere?');
    await expect(page.getByTestId('qsort-console')).toBeVisible();
  });

  const screen = await openBigScreen(page);
  await expect(screen.getByTestId('qsort-screen')).toBeVisible();

  const phone = await newParticipant(browser, PHONE);
  const laptop = await newParticipant(browser, LAPTOP);
  await test.step('two participants join and land on the Q-sort step', async () => {
    for (const p of [phone, laptop]) {
      await p.goto(`/delta/${code}`);
      await submitJoinForm(p);
      await expect(p.getByTestId('qsort-step')).toHaveText('Les utsagnene');
      await expect(p.getByTestId('statement')).toHaveCount(36);
    }
    await phone.screenshot({ path: 'docs/screenshots/workshop-qsort-phone.png' });
  });

  await test.step('the phone sorts into three piles and reaches the grid; the console counts it as sorting', async () => {
    await phone.getByRole('button', { name: 'Jeg har lest utsagnene' }).click();
    await expect(phone.getByTestId('qsort-step')).toHaveText('Tre grupper');
    await sortIntoPiles(phone, 36);
    await placeSome(phone, 1);
    await expect(phone.getByTestId('save-status')).toHaveText('Lagret');
    await expect(page.getByTestId('qsort-console')).toContainText(/sorterer/i);
    await page.screenshot(shot('workshop-qsort-console'));
    await phone.screenshot({ path: 'docs/screenshots/workshop-qsort-phone-grid.png' });
  });

  await test.step('on to the plenary: phones follow, sorting closes, the analysis stays open to the facilitator', async () => {
    await page.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: /Plenum/ }).click();
    await expect(page.getByTestId('current-activity')).toContainText('Plenum');
    await expect(phone.getByTestId('qsort-step')).toHaveCount(0);
    await expect(laptop.getByRole('heading', { name: 'Plenum' })).toBeVisible();
    await page.getByRole('region', { name: 'Q-sorteringen: analyse' }).getByRole('button', { name: 'Vis mer' }).click();
    await expect(page.getByTestId('qsort-console')).toBeVisible();
    await page.screenshot(shot('workshop-qsort-after'));
  });

  await context.close();
  await phone.context().close();
  await laptop.context().close();
});

test('a kollegaveiledning as a workshop activity: phones in an anonymous workshop are seated as "Deltaker n"', async ({ browser }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  await signInFacilitator(page);

  await test.step('the facilitator adds a kollegaveiledning to a new workshop and starts it', async () => {
    await page.getByRole('link', { name: /Arbeid først/ }).first().click();
    await page.getByRole('link', { name: 'Nytt verksted eller se alle' }).click();
    // A client-side navigation: the project page's "Tittel på økten" also matches the label below,
    // and on a loaded machine a fill made before the list is shown lands there (networkidle fired long ago).
    await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}\/verksted$/);
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Tittel').first().fill('Verksted 4: Kollegaveiledning');
    await page.getByRole('button', { name: 'Opprett verksted' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verksted 4: Kollegaveiledning' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Legg til aktivitet' }).click();
    await page.getByRole('menuitem', { name: /Kollegaveiledning/ }).click();
    const form = page.getByRole('form', { name: 'Rediger Kollegaveiledning' });
    await expect(form.getByLabel('Mal for kollegaveiledning')).toHaveValue(/[0-9a-f-]{36}/);
    await form.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.getByText('Steg 5 · Kollegaveiledning')).toBeVisible();
    await page.getByRole('button', { name: 'Start verkstedet' }).click();
    await expect(page).toHaveURL(/\/live\//);
    await page.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: /Kollegaveiledning/ }).click();
    await expect(page.getByTestId('supervision-console')).toBeVisible();
  });

  const code = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  const phones = [await newParticipant(browser, PHONE), await newParticipant(browser, LAPTOP), await newParticipant(browser, LAPTOP)];
  await test.step('three join without names and are seated under neutral labels', async () => {
    for (const [i, p] of phones.entries()) {
      await p.goto(`/delta/${code}`);
      await submitJoinForm(p);
      await expect(p.getByTestId('supervision-participant')).toBeVisible();
      await expect(page.getByTestId('member')).toHaveCount(i + 1);
    }
    await expect(page.getByTestId('member').first()).toContainText('Deltaker 1');
    await page.screenshot(shot('workshop-supervision-console'));
    await phones[0]!.screenshot(shot('workshop-supervision-phone'));
  });

  await context.close();
  for (const p of phones) await p.context().close();
});
