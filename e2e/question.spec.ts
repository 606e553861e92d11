import { expect, test, type Page } from '@playwright/test';
import { joinAnonymously, LAPTOP, PHONE } from './support/actors';
import { signInFacilitator } from './support/facilitator';
import { startOwnVerksted, type OwnVerksted } from './support/own-server';
import { openBigScreen } from './support/big-screen';

/**
 * Spørsmål, the activity kind built only in its own folders, end to end: added in the agenda
 * editor, run in a workshop, answered (and changed) on phones, revealed as bars on the big
 * screen, with the workshop's minimum count holding until three have answered.
 */

const PROJECT = /Arbeid først/;
const PROMPT = 'Kjenner du deg igjen i funnene?';
const shot = (name: string) => ({ path: `docs/screenshots/${name}.png` });

// --- actions ---------------------------------------------------------------------------------

async function addQuestion(page: Page) {
  await page.getByRole('link', { name: PROJECT }).first().click();
  await page.getByRole('link', { name: 'Nytt verksted eller se alle' }).click();
  // A client-side navigation: the project page's "Tittel på økten" also matches the label below,
  // and on a loaded machine a fill made before the list is shown lands there (networkidle fired long ago).
  await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}\/verksted$/);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Tittel').first().fill('Verksted med spørsmål');
  await page.getByRole('button', { name: 'Opprett verksted' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verksted med spørsmål' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Legg til aktivitet' }).click();
  await page.getByRole('menuitem', { name: /Spørsmål/ }).click();
  const form = page.getByRole('form', { name: /Rediger Et raskt spørsmål/ });
  await form.getByRole('textbox', { name: 'Spørsmål', exact: true }).fill(PROMPT);
  await form.getByLabel('Svarform').selectOption({ label: 'Ett valg' });
  await expect(form.getByRole('textbox', { name: 'Alternativ 1' })).toHaveValue('Ja');
  await form.getByRole('textbox', { name: 'Alternativ 3' }).fill('Delvis');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Steg 5 · Spørsmål')).toBeVisible();
}

async function answer(phone: Page, option: string) {
  await phone.getByRole('radio', { name: option }).check();
  await phone.getByRole('button', { name: /Send svar|Endre svar/ }).click();
  await expect(phone.getByText('Svaret ditt er lagret.', { exact: false })).toBeVisible();
}

// --- the story ---------------------------------------------------------------------------------

test('a Spørsmål: added in the editor, answered and changed on phones, revealed as bars once three have answered', async ({ browser }) => {
  test.setTimeout(240_000);
  let own: OwnVerksted | null = await startOwnVerksted('question');
  try {
    const page = await own.device(browser, LAPTOP);
    await signInFacilitator(page);

    await test.step('the facilitator adds a single-choice Spørsmål to a new workshop', async () => {
      await addQuestion(page);
    });

    let code = '';
    await test.step('the workshop starts and moves to the question', async () => {
      await page.getByRole('button', { name: 'Start verkstedet' }).click();
      await expect(page).toHaveURL(/\/live\//);
      code = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
      await page.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: /Et raskt spørsmål/ }).click();
      await expect(page.getByTestId('current-activity')).toHaveText('Spørsmål: Et raskt spørsmål');
      await expect(page.getByTestId('question-count')).toHaveText('Ingen har svart ennå');
    });

    // The big screen is the facilitator's browser (a signed-in project member) in another window.
    const screen = await openBigScreen(page);
    await expect(screen.getByTestId('question-screen')).toContainText(PROMPT);

    const phones = [await own.device(browser, PHONE), await own.device(browser, PHONE), await own.device(browser, LAPTOP)];
    await test.step('three participants join, two of them on phones', async () => {
      for (const phone of phones) await joinAnonymously(phone, code);
      for (const phone of phones) await expect(phone.getByTestId('question-phone')).toBeVisible();
    });

    await test.step('two answer and one changes their mind: below the minimum the screen says only "for få svar"', async () => {
      await answer(phones[0]!, 'Ja');
      await answer(phones[1]!, 'Nei');
      await answer(phones[1]!, 'Delvis');
      await expect(page.getByTestId('question-count')).toHaveText('2 har svart');
      await page.getByRole('checkbox', { name: 'Vis resultater' }).click();
      await expect(screen.getByTestId('question-too-few')).toHaveText('For få svar');
      await expect(phones[0]!.getByTestId('question-too-few')).toHaveText('For få svar');
      await expect(screen.getByTestId('question-bar')).toHaveCount(0);
    });

    await test.step('the third answer brings it to the minimum: bars with percentages on the screen and the phones', async () => {
      await answer(phones[2]!, 'Ja');
      await expect(page.getByTestId('question-count')).toHaveText('3 har svart');
      const bars = screen.getByTestId('question-bar');
      await expect(bars).toHaveCount(3);
      await expect(bars.filter({ hasText: 'Ja' })).toContainText(/2 \(67\s%\)/);
      await expect(bars.filter({ hasText: 'Delvis' })).toContainText(/1 \(33\s%\)/);
      await expect(bars.filter({ hasText: 'Nei' })).toContainText(/0 \(0\s%\)/);
      await expect(phones[1]!.getByTestId('question-bar')).toHaveCount(3);
      await screen.screenshot(shot('question-screen-1920'));
      await phones[0]!.screenshot({ ...shot('question-phone'), fullPage: true });
    });

    await test.step('after the facilitator locks, a phone shows its answer and cannot change it', async () => {
      await page.getByRole('checkbox', { name: 'Lås svar' }).click();
      await expect(phones[1]!.getByText('Svarene er låst.')).toBeVisible();
      await expect(phones[1]!.getByText('Ditt svar: Delvis')).toBeVisible();
      await expect(phones[1]!.getByRole('button', { name: /Send svar|Endre svar/ })).toHaveCount(0);
    });
  } finally {
    await own?.close();
    own = null;
  }
});
