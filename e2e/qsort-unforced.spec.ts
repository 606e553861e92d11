import { expect, test } from '@playwright/test';
import { LAPTOP, PHONE, newParticipant, submitJoinForm } from './support/actors';
import { signInFacilitator } from './support/facilitator';
import { sortIntoPiles } from './support/qsort';

const STATEMENTS = [
  'Veiledere trenger tid til oppfølging',
  'Brukerne vil møte samme veileder',
  'Lovverket styrer for mye',
  'Arbeidsgivere må inn tidlig',
  'Tiltak virker best når de er korte',
  'Brukerne kjenner sin egen situasjon best',
  'Samarbeid med helse er avgjørende',
  'Mål bør settes sammen med brukeren',
  'Digitale møter fungerer godt',
];

test('an unforced distribution: a new set whose grid is only a suggestion; a phone heaps statements in the top column, a laptop follows the shape, both are analysed', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const facilitator = await context.newPage();
  await signInFacilitator(facilitator);
  const name = `Fri fordeling ${Date.now().toString(36)}`;

  await test.step('a new statement set of nine statements, its suggested grid marked as not forced', async () => {
    await facilitator.getByRole('link', { name: /Arbeid først/ }).first().click();
    await facilitator.getByRole('link', { name: 'Q-sortering', exact: true }).click();
    await facilitator.getByLabel('Navn på settet').fill(name);
    await facilitator.getByRole('button', { name: 'Opprett sett' }).click();
    await expect(facilitator.getByRole('heading', { level: 1, name })).toBeVisible();
    await facilitator.getByRole('tab', { name: 'Importer liste eller CSV' }).click();
    await facilitator.getByLabel('Utsagn å importere').fill(STATEMENTS.map((s, i) => `${i + 1}. ${s}`).join('\n'));
    await facilitator.getByRole('button', { name: 'Importer 9 utsagn' }).click();
    await expect(facilitator.getByText('9 utsagn er importert.')).toBeVisible();
    await facilitator.getByRole('button', { name: 'Foreslå skjema' }).click();
    await expect(facilitator.getByTestId('grid-total')).toHaveText('9 celler for 9 utsagn');
    await facilitator.getByRole('checkbox', { name: 'Fordelingen er ikke tvungen' }).check();
    await facilitator.getByRole('button', { name: 'Lagre skjemaet' }).click();
    await expect(facilitator.getByText('Skjemaet er lagret.')).toBeVisible();
    await facilitator.reload();
    await expect(facilitator.getByRole('checkbox', { name: 'Fordelingen er ikke tvungen' })).toBeChecked();
    await facilitator.locator('form[aria-labelledby="skjema"]').screenshot({ path: 'docs/screenshots/qsort-unforced-grid.png' });
  });

  let code = '';
  await test.step('the Q-sort starts from the set', async () => {
    await facilitator.getByRole('button', { name: 'Start Q-sortering' }).click();
    await expect(facilitator.getByTestId('qsort-console')).toBeVisible();
    code = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  });

  await test.step('on a phone, seven statements into the top column, far past its suggested cells, two below it', async () => {
    const phone = await newParticipant(browser, PHONE);
    await phone.goto(`/delta/${code}`);
    await submitJoinForm(phone);
    await phone.getByRole('button', { name: 'Jeg har lest utsagnene' }).click();
    await sortIntoPiles(phone, 9, { by: 'tap', pileOf: () => 'agree' });
    await expect(phone.getByTestId('unforced-hint')).toBeVisible();
    const buttons = phone.locator('[data-testid^="place-"]');
    const count = await buttons.count();
    for (let i = 0; i < 9; i++) {
      // Always a free cell there while statements wait: the column grows. (All nine in one column
      // would be a sort without variance, which no correlation can read.)
      const column = buttons.nth(i < 7 ? count - 1 : count - 2);
      await expect(column).toBeEnabled();
      await column.tap();
    }
    await expect(phone.getByText('Alle utsagnene er plassert.', { exact: true })).toBeVisible();
    const column = phone.locator('[data-testid^="column-"]').first();
    await expect(column.getByTestId('placed')).toHaveCount(7);
    await column.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: 'docs/screenshots/qsort-unforced-phone.png' });
    for (let step = 0; step < 3; step++) await phone.getByRole('button', { name: 'Videre', exact: true }).click();
    await phone.getByLabel('Pseudonym (valgfritt)').fill('Alt øverst');
    await phone.getByRole('button', { name: 'Send inn sorteringen' }).click();
    await expect(phone.getByTestId('qsort-done')).toBeVisible();
  });

  await test.step('on a laptop, the suggested shape, cell by cell', async () => {
    const laptop = await newParticipant(browser, LAPTOP);
    await laptop.goto(`/delta/${code}`);
    await submitJoinForm(laptop);
    await laptop.getByRole('button', { name: 'Jeg har lest utsagnene' }).click();
    await sortIntoPiles(laptop, 9);
    await expect(laptop.getByTestId('unforced-hint')).toBeVisible();
    // The suggested grid for nine statements is 1-2-3-2-1 on −2…+2; each statement to its cell there.
    for (const value of [-2, -1, -1, 0, 0, 0, 1, 1, 2]) {
      await laptop.getByTestId('qsort-tray').getByRole('option').first().click();
      await laptop.getByTestId('qsort-grid').getByTestId(`column-${value}`).getByTestId('free-cell').first().click();
    }
    await expect(laptop.getByTestId('placed')).toHaveCount(9);
    for (let step = 0; step < 3; step++) await laptop.getByRole('button', { name: 'Videre', exact: true }).click();
    await laptop.getByRole('button', { name: 'Send inn sorteringen' }).click();
    await expect(laptop.getByTestId('qsort-done')).toBeVisible();
  });

  await test.step('both are analysed, and the result file says the distribution was not forced', async () => {
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('2');
    await facilitator.getByLabel('Antall faktorer').selectOption('1');
    await facilitator.getByRole('radio', { name: 'Prinsipalkomponenter (PCA)' }).check();
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByText('2 sorteringer analysert')).toBeVisible();
    const res = await facilitator.request.get((await facilitator.getByRole('link', { name: 'Resultat (JSON)' }).getAttribute('href'))!);
    const result = await res.json();
    expect(result.settings.forced).toBe(false);
    expect(result.sorts).toContain('Alt øverst');
  });
});
