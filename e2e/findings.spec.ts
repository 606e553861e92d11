import { expect, test } from '@playwright/test';
import { LAPTOP } from './support/actors';
import { signInFacilitator } from './support/facilitator';
import { validNationalId } from '../test/personal-numbers';

/** A valid fødselsnummer, new every run (both control digits right). */
const FNR = validNationalId();

test('the findings library: import from text, write one, reorder', async ({ browser }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  await signInFacilitator(page);

  await test.step('a new project opens an empty library', async () => {
    await page.getByRole('button', { name: 'Nytt prosjekt' }).click();
    await page.getByLabel('Prosjektnavn').fill('Funn fra NAV Gjøvik');
    await page.getByRole('button', { name: 'Opprett prosjekt' }).click();
    await page.getByRole('link', { name: 'Åpne funnbiblioteket' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Funnbibliotek' })).toBeVisible();
  });

  await test.step('import from text: personal data is caught before anything is stored', async () => {
    await page.getByRole('tab', { name: 'Importer fra tekst' }).click();
    const text = page.getByLabel('Tekst med funn');
    await text.fill(`# Arbeidsretting\nTid til oppfølging mangler\nVeiledere får for lite tid\nBruker ${FNR} ble glemt`);
    await expect(page.getByText('personopplysninger').first()).toBeVisible();
    await text.fill('# Arbeidsretting\nTid til oppfølging mangler\nVeiledere får for lite tid\nTillit tar tid å bygge');
    await page.getByRole('button', { name: 'Importer 3 funn' }).click();
    await expect(page.getByText('3 funn er importert.')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Tid til oppfølging mangler', exact: true })).toBeVisible();
  });

  await test.step('write one by hand, then move it up', async () => {
    await page.getByRole('tab', { name: 'Skriv inn' }).click();
    await page.getByLabel('Tittel').fill('Kollegaveiledning gir trygghet');
    await page.getByLabel('Refleksjonsspørsmål').fill('Kjenner dere igjen dette fra egen praksis?');
    await page.getByRole('button', { name: 'Legg til funn' }).click();
    await expect(page.getByText('Funnet er lagt til i biblioteket.')).toBeVisible();
    await page.getByRole('button', { name: 'Flytt «Kollegaveiledning gir trygghet» opp' }).click();
    const order = async () => {
      const rows = await page.getByRole('row').allTextContents();
      return ['Tillit tar tid å bygge', 'Kollegaveiledning gir trygghet'].map((title) => rows.findIndex((r) => r.includes(title)));
    };
    await expect.poll(async () => {
      const [tillit = -1, kollega = -1] = await order();
      return kollega >= 0 && kollega < tillit;
    }).toBe(true);
    await page.screenshot({ path: 'docs/screenshots/findings-library.png', fullPage: true });
  });
});
