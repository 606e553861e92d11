import { expect, test, type Page } from '@playwright/test';
import { LAPTOP, PHONE } from './support/actors';
import { signInFacilitator } from './support/facilitator';

const SET = 'Q-utsagn fra Arbeid først';
const FIRST = 'Antall brukere jeg følger opp begrenser bruken av tid til oppfølging og veiledning av hver enkelt bruker';
const EDITED = 'Antall brukere jeg følger opp begrenser tiden til hver enkelt';
const READ_DEFAULT = 'Ta utgangspunkt i dine egne erfaringer. Se gjennom og les alle utsagnene for å få en oversikt over innholdet.';

/** The codes of the statements in the order the list shows them. */
const codes = (page: Page) => page.getByTestId('statement-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-label')?.replace(/\D/g, ''))));
const row = (page: Page, code: number) => page.getByRole('listitem', { name: `Utsagn ${code}`, exact: true });
const readStep = (page: Page) => page.getByRole('textbox', { name: /^1\. Les utsagnene/ });

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function deleteStatement(page: Page, code: number) {
  await page.getByRole('button', { name: `Rediger utsagn ${code}`, exact: true }).click();
  const form = page.getByRole('form', { name: `Rediger utsagn ${code}` });
  await form.getByRole('button', { name: 'Slett utsagnet' }).click();
  await form.getByRole('button', { name: 'Ja, slett' }).click();
  await expect(row(page, code)).toHaveCount(0);
}

// The live Q-sort spec sorts the demo set afterwards: this test leaves it as it found it.
test('prepare a Q-sort: edit the demo set, design its grid, import, reorder, edit an instruction', async ({ browser }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  await signInFacilitator(page);
  let setUrl = '';

  await test.step('the project page links to Q-sortering and the demo set, whose 36 statements fit the grid', async () => {
    await page.getByRole('link', { name: /Arbeid først/ }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Utsagn til Q-sortering' })).toBeVisible();
    await page.getByRole('link', { name: 'Q-sortering', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Q-sortering' })).toBeVisible();
    const card = page.getByTestId('statement-sets').getByRole('listitem').filter({ hasText: SET });
    await expect(card).toContainText('36 utsagn');
    await expect(card).toContainText('Skjemaet passer');
    await page.screenshot({ path: 'docs/screenshots/qsort-prep-list.png', fullPage: true });
    await card.getByRole('link', { name: SET }).click();
    await expect(page.getByRole('heading', { level: 1, name: SET })).toBeVisible();
    setUrl = page.url();
    await expect(page.getByTestId('statement-row')).toHaveCount(36);
    await expect(page.getByTestId('grid-total')).toHaveText('36 celler for 36 utsagn');
    await page.waitForLoadState('networkidle');
  });

  await test.step('edit a statement in place; a taken number is refused with a clear message', async () => {
    await page.getByRole('button', { name: 'Rediger utsagn 1', exact: true }).click();
    const form = page.getByRole('form', { name: 'Rediger utsagn 1' });
    await expect(form.getByLabel('Nummer')).toBeFocused();
    await form.getByLabel('Nummer').fill('2');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await expect(form.getByText('Nummeret er allerede brukt i settet.')).toBeVisible();
    await form.getByLabel('Nummer').fill('1');
    await form.getByLabel('Utsagn', { exact: true }).fill(EDITED);
    await form.getByRole('button', { name: 'Lagre' }).click();
    await expect(row(page, 1)).toContainText(EDITED);
    await expect(page.getByRole('button', { name: 'Rediger utsagn 1', exact: true })).toBeFocused();
  });

  await test.step('add a statement: the grid no longer fits and says so with both numbers', async () => {
    await page.getByLabel('Utsagn', { exact: true }).fill('Samarbeid med arbeidsgivere gir brukerne flere muligheter');
    await page.getByRole('button', { name: 'Legg til utsagn' }).click();
    await expect(page.getByText('Utsagnet er lagt til.')).toBeVisible();
    await expect(row(page, 37)).toBeVisible();
    await expect(page.getByTestId('grid-total')).toContainText('Skjemaet har 36 celler, men settet har 37 utsagn. Antallet må være likt.');
    await expect(page.getByText('Skjemaet passer ikke')).toBeVisible();
    await page.getByRole('heading', { name: 'Sorteringsskjema' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/qsort-prep-grid-error.png', fullPage: false });
  });

  await test.step('fix the grid with the designer: one more cell on 0, saved', async () => {
    await page.getByLabel('Celler på 0').fill('7');
    await expect(page.getByTestId('grid-total')).toHaveText('37 celler for 37 utsagn');
    await page.getByRole('button', { name: 'Lagre skjemaet' }).click();
    await expect(page.getByText('Skjemaet er lagret.')).toBeVisible();
    await expect(page.getByText('Skjemaet passer', { exact: true })).toBeVisible();
  });

  await test.step('import two statements from a text list after a bad CSV is explained', async () => {
    await page.getByRole('tab', { name: 'Importer liste eller CSV' }).click();
    const text = page.getByLabel('Utsagn å importere');
    await text.fill('id,text\n40,"Tid, ikke penger');
    await expect(page.getByText('Et felt i anførselstegn blir aldri avsluttet.')).toBeVisible();
    await text.fill('3 Dette nummeret finnes');
    await expect(page.getByText('Linje 1: nummeret er allerede brukt i settet.')).toBeVisible();
    await text.fill('40. Veiledere trenger tid til å lære lovverket\nBrukere vil helst snakke med samme veileder');
    await expect(page.getByText('2 utsagn klar til import')).toBeVisible();
    await page.getByRole('button', { name: 'Importer 2 utsagn' }).click();
    await expect(page.getByText('2 utsagn er importert.')).toBeVisible();
    await expect(row(page, 40)).toContainText('lovverket');
    await expect(row(page, 41)).toContainText('samme veileder');
    await expect(page.getByTestId('grid-total')).toContainText('men settet har 39 utsagn');
    await page.getByLabel('Celler på −1').fill('6');
    await page.getByLabel('Celler på +1').fill('6');
    await expect(page.getByTestId('grid-total')).toHaveText('39 celler for 39 utsagn');
    await page.getByRole('button', { name: 'Lagre skjemaet' }).click();
    await expect(page.getByText('Skjemaet er lagret.')).toBeVisible();
  });

  await test.step('reorder: statement 2 moves up above statement 1', async () => {
    await page.getByRole('button', { name: 'Flytt utsagn 2 opp' }).click();
    await expect.poll(async () => (await codes(page)).slice(0, 3)).toEqual([2, 1, 3]);
  });

  await test.step('edit an instruction; it is kept and marked as changed', async () => {
    await readStep(page).fill('Les alle utsagnene i ro og mak før du begynner å sortere.');
    await expect(page.getByText('Endret', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Lagre instruksjonene' }).click();
    await expect(page.getByText('Instruksjonene er lagret.')).toBeVisible();
    await page.reload();
    await expect(readStep(page)).toHaveValue('Les alle utsagnene i ro og mak før du begynner å sortere.');
    await expect.poll(async () => (await codes(page)).slice(0, 2)).toEqual([2, 1]);
    await page.screenshot({ path: 'docs/screenshots/qsort-prep-set.png', fullPage: true });
  });

  await test.step('at 390 × 844 the editor fits the screen and the grid preview is drawn', async () => {
    const phone = await (await browser.newContext({ ...PHONE, locale: 'nb-NO' })).newPage();
    await signInFacilitator(phone);
    await phone.goto(setUrl);
    await expect(phone.getByRole('heading', { level: 1, name: SET })).toBeVisible();
    await expectNoSidewaysScroll(phone);
    await phone.screenshot({ path: 'docs/screenshots/qsort-prep-phone.png', fullPage: false });
    await phone.getByTestId('grid-preview').scrollIntoViewIfNeeded();
    await expect(phone.getByTestId('grid-preview')).toBeVisible();
    await phone.screenshot({ path: 'docs/screenshots/qsort-prep-phone-grid.png', fullPage: false });
    await phone.getByRole('button', { name: 'Rediger utsagn 3', exact: true }).click();
    await expectNoSidewaysScroll(phone);
    await phone.context().close();
  });

  await test.step('tidy up: the demo set is back to its 36 statements, order, grid and instruction', async () => {
    for (const code of [37, 40, 41]) await deleteStatement(page, code);
    await page.getByRole('button', { name: 'Flytt utsagn 2 ned' }).click();
    await expect.poll(async () => (await codes(page)).slice(0, 2)).toEqual([1, 2]);
    await page.getByRole('button', { name: 'Rediger utsagn 1', exact: true }).click();
    await page.getByRole('form', { name: 'Rediger utsagn 1' }).getByLabel('Utsagn', { exact: true }).fill(FIRST);
    await page.getByRole('form', { name: 'Rediger utsagn 1' }).getByRole('button', { name: 'Lagre' }).click();
    await expect(row(page, 1)).toContainText(FIRST);
    await page.getByRole('button', { name: 'Tilbakestill «1. Les utsagnene» til standard' }).click();
    await expect(readStep(page)).toHaveValue(READ_DEFAULT);
    await page.getByRole('button', { name: 'Lagre instruksjonene' }).click();
    await expect(page.getByText('Instruksjonene er lagret.')).toBeVisible();
    await page.getByRole('button', { name: 'Foreslå skjema' }).click();
    await expect(page.getByTestId('grid-preview')).toHaveAttribute('data-min', '-5');
    await page.getByRole('button', { name: 'Lagre skjemaet' }).click();
    await expect(page.getByText('Skjemaet er lagret.')).toBeVisible();
    await expect(page.getByTestId('statement-row')).toHaveCount(36);
    await expect(page.getByTestId('grid-total')).toHaveText('36 celler for 36 utsagn');
  });
  await context.close();
});
