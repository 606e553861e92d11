import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { formatDecimal } from '../lib/i18n/format';
import { rotateByHand } from '../lib/qmethod/steps/hand-rotate';
import { readDocx } from '../test/report-files';
import { LAPTOP, PHONE, newParticipant, submitJoinForm } from './support/actors';
import { placeSome, sortIntoPiles, startDemoQsort, type Pile } from './support/qsort';
import { expectFitsEveryProjector } from './support/screen-fit';
import { signInFacilitator } from './support/facilitator';
import { openBigScreen } from './support/big-screen';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: true });

test('a live Q-sort: three participants sort the demo set, one reloads midway; the facilitator analyses and the screen shows factor arrays', async ({ browser }) => {
  test.setTimeout(300_000);
  const facilitatorContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const facilitator = await facilitatorContext.newPage();
  await signInFacilitator(facilitator);

  let code = '';
  await test.step('the facilitator starts a Q-sort of the demo project’s statement set', async () => {
    code = await startDemoQsort(facilitator);
  });

  const screen = await openBigScreen(facilitator);
  await expect(screen.getByTestId('qsort-screen')).toBeVisible();

  const people = [await newParticipant(browser, PHONE), await newParticipant(browser, PHONE), await newParticipant(browser, LAPTOP)];
  const piles: ((n: number) => Pile)[] = [
    (n) => (n <= 12 ? 'agree' : n <= 24 ? 'neutral' : 'disagree'),
    (n) => (n > 24 ? 'agree' : n > 12 ? 'neutral' : 'disagree'),
    (n) => (n % 3 === 0 ? 'agree' : n % 3 === 1 ? 'neutral' : 'disagree'),
  ];

  await test.step('three participants join without giving a name and read the statements', async () => {
    for (const p of people) {
      await p.goto(`/delta/${code}`);
      await expect(p.getByLabel(/Navn/)).toHaveCount(0);
      await submitJoinForm(p);
      await expect(p.getByTestId('qsort-step')).toHaveText('Les utsagnene');
      await expect(p.getByTestId('statement')).toHaveCount(36);
      await p.getByRole('button', { name: 'Jeg har lest utsagnene' }).click();
    }
    await people[0]!.screenshot({ path: 'docs/screenshots/qsort-phone-read.png' });
  });

  await test.step('a participant asks for help with a statement; the facilitator sees it and resolves it', async () => {
    const p = people[1]!;
    await p.getByRole('button', { name: 'Jeg trenger hjelp med utsagn 1' }).click();
    await expect(p.getByText('Fasilitator har fått beskjed')).toBeVisible();
    await expect(facilitator.getByTestId('help-request')).toContainText('utsagn 1');
    await facilitator.getByRole('button', { name: 'Løst' }).click();
    await expect(facilitator.getByTestId('help-request')).toHaveCount(0);
  });

  await test.step('each sorts into three piles', async () => {
    for (const [i, p] of people.entries()) await sortIntoPiles(p, 36, { pileOf: piles[i]! });
    await people[0]!.screenshot({ path: 'docs/screenshots/qsort-phone-grid-start.png' });
  });

  await test.step('one fills part of the grid, reloads, and finds every placement kept', async () => {
    const p = people[0]!;
    await placeSome(p, 10);
    await expect(p.getByTestId('save-status')).toHaveText('Lagret');
    await p.reload();
    await expect(p.getByTestId('qsort-step')).toHaveText('Plasser i skjemaet');
    await expect(p.getByTestId('placed')).toHaveCount(10);
  });

  await test.step('another switches to a new phone with a one-use link and keeps their piles and placements', async () => {
    const old = people[2]!;
    await placeSome(old, 4);
    await expect(old.getByTestId('save-status')).toHaveText('Lagret');
    await old.getByText('Bytt enhet').click();
    await old.getByRole('button', { name: 'Lag lenke til en annen enhet' }).click();
    const url = (await old.getByTestId('resume-url').textContent()) ?? '';
    const phone = await newParticipant(browser, PHONE);
    await phone.goto(url);
    await expect(phone.getByTestId('qsort-step')).toHaveText('Plasser i skjemaet');
    await expect(phone.getByTestId('placed')).toHaveCount(4);
    people[2] = phone;
  });

  await test.step('everyone fills the grid, tries a swap, comments and submits', async () => {
    for (const [i, p] of people.entries()) {
      const left = 36 - (await p.getByTestId('placed').count());
      await placeSome(p, left);
      await expect(p.getByText('Alle utsagnene er plassert.', { exact: true })).toBeVisible();
      if (i === 1) {
        await p.getByTestId('column-5').scrollIntoViewIfNeeded();
        await p.screenshot({ path: 'docs/screenshots/qsort-phone-grid-full.png' });
      }
      await p.getByRole('button', { name: 'Videre', exact: true }).click();
      await expect(p.getByTestId('qsort-step')).toHaveText('Se over');
      // Swap two placed statements by tapping them.
      const placed = p.getByTestId('placed');
      const [first, last] = [await placed.first().textContent(), await placed.last().textContent()];
      await placed.first().click();
      await placed.last().click();
      await expect(placed.first()).toHaveText(last ?? '');
      await expect(placed.last()).toHaveText(first ?? '');
      await p.getByRole('button', { name: 'Videre', exact: true }).click();
      await expect(p.getByTestId('qsort-step')).toHaveText('Kommentarer');
      if (i === 0) {
        await p.getByLabel('Mangler noe blant utsagnene? (valgfritt)').fill('Ring meg på 912 34 567');
        await expect(p.getByText(/personopplysninger/).first()).toBeVisible();
        await expect(p.getByLabel('Mangler noe blant utsagnene? (valgfritt)')).toHaveValue('Ring meg på 912 34 567');
        await p.getByLabel('Mangler noe blant utsagnene? (valgfritt)').fill('Tid til oppfølging mangler');
      }
      await p.getByRole('button', { name: 'Videre', exact: true }).click();
      await p.getByLabel('Pseudonym (valgfritt)').fill(`Måke ${i + 1}`);
      await p.getByRole('button', { name: 'Send inn sorteringen' }).click();
      await expect(p.getByTestId('qsort-done')).toBeVisible();
    }
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('3');
  });

  await test.step('the facilitator analyses: eigenvalues, loadings, factor arrays, distinguishing statements', async () => {
    await facilitator.getByLabel('Antall faktorer').selectOption('2');
    await facilitator.getByRole('radio', { name: 'Sentroid' }).check();
    await facilitator.getByRole('radio', { name: 'Varimax' }).check();
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByTestId('analysis')).toBeVisible();
    await expect(facilitator.getByText('Med 3 sorteringer blir faktorene usikre.', { exact: false })).toBeVisible();
    await expect(facilitator.getByTestId('loadings')).toContainText('Måke 1');
    await expect(facilitator.getByTestId('scree')).toBeVisible();
    // Help with k beside the scree: Kaiser, a parallel analysis (its line on the plot), Humphrey.
    await expect(facilitator.getByTestId('advice-kaiser')).toContainText(/^\d egenverdi(er)? over 1 \(Kaisers kriterium\)\.$/);
    await expect(facilitator.getByTestId('advice-parallel')).toContainText(/^Parallellanalyse: (ingen faktor|\d faktor(er)?) over tilfeldighet \(100 tilfeldige studier av samme form/);
    await expect(facilitator.getByTestId('scree-random')).toHaveCount(1);
    await expect(facilitator.getByTestId('advice-humphrey')).toContainText(/^Humphreys regel: /);
    await facilitator.getByTestId('factor-advice').screenshot({ path: 'docs/screenshots/qsort-factor-advice.png' });
    await expect(facilitator.getByTestId('factor-array')).not.toHaveCount(0);
    await facilitator.screenshot(shot('qsort-analysis'));
  });

  await test.step('the screen shows the factor arrays, never loadings or pseudonyms; the factors are named and kept', async () => {
    await facilitator.getByRole('button', { name: 'Vis på skjermen' }).click();
    await expect(screen.getByTestId('screen-factor').first()).toBeVisible();
    await expect(screen.getByText(/Måke/)).toHaveCount(0);
    await facilitator.getByLabel('Navn på faktor 1').fill('Brukeren først');
    await facilitator.getByLabel('Beskrivelse av faktor 1').fill('Relasjonen og brukerens behov bærer oppfølgingen.');
    const names = facilitator.getByLabel(/^Navn på faktor \d$/);
    for (let i = 1; i < (await names.count()); i++) await names.nth(i).fill(`Faktor ${i + 1}`);
    await facilitator.getByRole('button', { name: 'Lagre faktorene i prosjektet' }).click();
    await expect(facilitator.getByText('Lagret som tilbakemelding i prosjektet.')).toBeVisible();
    await expect(screen.getByRole('heading', { name: 'Brukeren først' })).toBeVisible();
    // A 36-statement array a page, each fitted to the projector, never scrolled. A clicker at the
    // projector steps them (and stops them turning by themselves), and so does the console.
    await screen.keyboard.press('PageDown');
    await expect(screen.getByTestId('screen-page')).toHaveAttribute('data-held', 'true');
    const seen = new Set<string | null>();
    for (const step of [0, 1]) {
      if (step) {
        const before = await screen.getByTestId('screen-page').textContent();
        await facilitator.getByTestId('screen-pager').getByRole('button', { name: 'Neste side' }).click();
        await expect(screen.getByTestId('screen-page')).not.toHaveText(before!);
      }
      const page = await screen.getByTestId('screen-page').textContent();
      await expectFitsEveryProjector(screen, `a 36-statement Q result, ${page}`, `docs/screenshots/qsort-screen-1920-${step + 1}.png`);
      seen.add(page);
    }
    expect([...seen].sort()).toEqual(['Side 1 av 2', 'Side 2 av 2']);
  });

  await test.step('the sorts download as CSV in the layout qmethod reads', async () => {
    const href = await facilitator.getByRole('link', { name: 'Sorteringer (CSV)' }).getAttribute('href');
    const res = await facilitator.request.get(href!);
    expect(res.status()).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^statement,/);
    expect(lines).toHaveLength(37);
  });

  await test.step('manual flags round-trip: the JSON, the workbook and the CSV hold the analysis on the screen', async () => {
    // A flag set by hand re-runs the analysis; the form's factor count changed afterwards and never run must not reach the files.
    await facilitator.getByRole('checkbox', { name: /Flagg Måke 1 på faktor 2/ }).click();
    await expect(facilitator.getByText('Manuell flagging', { exact: false }).first()).toBeVisible();
    await facilitator.getByLabel('Antall faktorer').selectOption('3');
    await expect(facilitator.getByTestId('exports-of')).toHaveText('Resultatfilene (JSON, Excel, Word) gjelder analysen over: 2 faktorer, centroid, varimax, manuell flagging, 3 sorteringer. Pearson-korrelasjon.');
    const table = facilitator.getByTestId('loadings');
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      sort: tr.querySelector('th')!.textContent!.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => ({ text: td.querySelector('.tabular-nums')!.textContent!.trim(), flagged: td.querySelector('input')!.checked })),
    })));
    expect(rows.find((r) => r.sort === 'Måke 1')!.cells[1]!.flagged).toBe(true);
    const two = (v: number) => formatDecimal('nb', v, 2);

    const download = async (name: string) => {
      const res = await facilitator.request.get((await facilitator.getByRole('link', { name }).getAttribute('href'))!);
      expect(res.status()).toBe(200);
      return res;
    };
    const json = await download('Resultat (JSON)');
    expect(decodeURIComponent(json.headers()['content-disposition']!)).toMatch(/filename\*=UTF-8''q-utsagn-fra-arbeid-først-k2-centroid-varimax-manuell-flagging-\d{4}-\d{2}-\d{2}\.json$/);
    const result = await json.json();
    expect(result.settings).toMatchObject({ factors: 2, extraction: 'centroid', rotation: 'varimax', flagging: 'manual', sortCount: 3 });
    expect(result.settings.factorNames[0]).toMatchObject({ number: 1, name: 'Brukeren først' });
    expect(result.sorts).toEqual(rows.map((r) => r.sort));
    expect(result.loadings.map((row: number[]) => row.map(two))).toEqual(rows.map((r) => r.cells.map((c) => c.text)));
    expect(result.flagged).toEqual(rows.map((r) => r.cells.map((c) => c.flagged)));

    const workbook = new ExcelJS.Workbook();
    const bytes = await (await download('Resultat (Excel)')).body();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets[0]!.name).toBe('Innstillinger');
    const settings = Object.fromEntries(workbook.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 3)));
    expect(settings).toMatchObject({ 'Faktorer (k)': 2, Ekstraksjon: 'centroid', Rotasjon: 'varimax', Flagging: 'manuell (satt av forskeren)', Sorteringer: 3 });
    const loadings = workbook.getWorksheet('Ladninger')!;
    const flagsSheet = workbook.getWorksheet('Flagging')!;
    for (const [j, row] of rows.entries()) {
      expect(loadings.getRow(j + 2).getCell(1).value).toBe(row.sort);
      expect([2, 3].map((c) => two(loadings.getRow(j + 2).getCell(c).value as number))).toEqual(row.cells.map((c) => c.text));
      expect([2, 3].map((c) => flagsSheet.getRow(j + 2).getCell(c).value)).toEqual(row.cells.map((c) => c.flagged));
    }

    // The Word report: the rotated loadings as on the screen, flags marked X, and the same settings.
    const word = await readDocx(new Uint8Array(await (await download('Rapport (Word)')).body()));
    const rotated = word.tables.filter((t) => t[0]!.at(-1) === 'h²')[1]!;
    expect(rotated.slice(1).map((r) => r.slice(0, 3))).toEqual(rows.map((r) => [r.sort, ...r.cells.map((c) => `${c.text}${c.flagged ? ' X' : ''}`)]));
    expect(word.tables[0]).toEqual(expect.arrayContaining([['Faktorer (k)', '2'], ['Flagging', 'manuell (satt av forskeren)']]));

    // The CSV is the sorts the analysis ran on: one column per sort on the screen, in its order.
    const csv = (await (await download('Sorteringer (CSV)')).text()).trim().split(/\r?\n/);
    expect(csv[0]!.split(',').slice(1)).toEqual(rows.map((r) => r.sort));
  });

  await test.step('the researcher’s choices: Kendall, a level of her own, no majority rule — and the files say so', async () => {
    await facilitator.getByText('Flere valg: korrelasjon og flagging').click();
    await facilitator.getByLabel('Korrelasjon mellom sorteringene').selectOption('kendall');
    await facilitator.getByRole('radio', { name: 'Annet nivå' }).check();
    // Not a p-value: refused at the field, the text kept, nothing run.
    await facilitator.getByLabel('p-verdi').fill('0,6');
    await facilitator.getByLabel('Antall faktorer').selectOption('2');
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByText('Skriv en p-verdi over 0 og høyst 0,5, for eksempel 0,001.')).toBeVisible();
    await expect(facilitator.getByLabel('p-verdi')).toHaveValue('0,6');
    await expect(facilitator.getByTestId('exports-of')).toContainText('manuell flagging');
    await facilitator.getByLabel('p-verdi').fill('0,001');
    // The engine's refusal is said in words: four factors from three sorts cannot be.
    await facilitator.getByLabel('Antall faktorer').selectOption('4');
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByTestId('analysis-error')).toContainText('Det kan ikke være flere faktorer enn ferdige sorteringer. Velg færre faktorer.');
    await facilitator.getByLabel('Antall faktorer').selectOption('2');
    await facilitator.getByRole('checkbox', { name: /Krev at faktoren har flertallet/ }).uncheck();
    await facilitator.getByRole('radio', { name: 'Prinsipalkomponenter (PCA)' }).check();
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByTestId('exports-of')).toHaveText(
      'Resultatfilene (JSON, Excel, Word) gjelder analysen over: 2 faktorer, pca, varimax, 3 sorteringer. Kendall-korrelasjon, automatisk flagging ved p < 0,001, uten krav om flertall av felles varians.',
    );
    await facilitator.getByTestId('analysis-choices').scrollIntoViewIfNeeded();
    await facilitator.screenshot(shot('qsort-choices'));
    // A bipolar factor read from its other pole: turned at once, and the files carry the turn.
    await facilitator.getByRole('button', { name: 'Snu faktor 1' }).click();
    await expect(facilitator.getByRole('heading', { name: 'Faktor 1 · snudd (lest fra den andre polen)' })).toBeVisible();
    await expect(facilitator.getByRole('button', { name: 'Snu faktor 1 tilbake' })).toBeVisible();
    const table = facilitator.getByTestId('loadings');
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      sort: tr.querySelector('th')!.textContent!.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => ({ text: td.querySelector('.tabular-nums')!.textContent!.trim(), flagged: td.querySelector('input')!.checked })),
    })));
    const res = await facilitator.request.get((await facilitator.getByRole('link', { name: 'Resultat (JSON)' }).getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(decodeURIComponent(res.headers()['content-disposition']!)).toMatch(/filename\*=UTF-8''q-utsagn-fra-arbeid-først-k2-pca-varimax-kendall-snudd-1-p0\.001-uten-flertallsregel-\d{4}-\d{2}-\d{2}\.json$/);
    const result = await res.json();
    expect(result.settings).toMatchObject({ correlation: 'kendall', flagging: 'automatic', flagRule: { significance: 0.001, majority: false }, inverted: [1] });
    expect(result.loadings.map((row: number[]) => row.map((v) => formatDecimal('nb', v, 2)))).toEqual(rows.map((r) => r.cells.map((c) => c.text)));
    expect(result.flagged).toEqual(rows.map((r) => r.cells.map((c) => c.flagged)));
  });

  await test.step('hand rotation: turn the axes of factors 1 and 2 by pointer and keys, apply, undo — the files follow', async () => {
    const json = async () => {
      const res = await facilitator.request.get((await facilitator.getByRole('link', { name: 'Resultat (JSON)' }).getAttribute('href'))!);
      expect(res.status()).toBe(200);
      return res.json();
    };
    const before = await json();
    const plot = facilitator.getByTestId('loading-plot');
    await plot.scrollIntoViewIfNeeded();
    // A drag turns the axes (the turned ones are drawn); Home puts them back.
    const box = (await plot.boundingBox())!;
    await facilitator.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await facilitator.mouse.down();
    await facilitator.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.3, { steps: 5 });
    await facilitator.mouse.up();
    await expect(facilitator.getByTestId('turned-axes')).toBeVisible();
    expect(Number(await plot.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await plot.press('Home');
    await expect(facilitator.getByTestId('turned-axes')).toHaveCount(0);
    // Three steps of 5° by keyboard: 15°.
    for (let i = 0; i < 3; i++) await plot.press('Shift+ArrowLeft');
    await expect(facilitator.getByLabel('Vinkel i grader (mot klokka)')).toHaveValue('15,0');
    await facilitator.getByTestId('hand-rotation').screenshot({ path: 'docs/screenshots/qsort-hand-rotation.png' });
    await facilitator.getByRole('button', { name: 'Roter', exact: true }).click();
    await expect(facilitator.getByTestId('hand-rotations')).toHaveText('Håndrotasjoner brukt: F1–F2 15,0°.');
    const after = await json();
    expect(after.settings.handRotations).toEqual([{ a: 1, b: 2, degrees: 15 }]);
    // The engine turns before it inverts: undo factor 1's turn, rotate by hand, turn it again.
    const unturned = before.loadings.map((row: number[]) => [-row[0]!, row[1]!]);
    const expected = rotateByHand(unturned, [{ a: 1, b: 2, degrees: 15 }]).map((row) => [-row[0]!, row[1]!]);
    after.loadings.forEach((row: number[], i: number) => row.forEach((v, j) => expect(Math.abs(v - expected[i]![j]!)).toBeLessThan(1e-12)));
    await facilitator.getByRole('button', { name: 'Angre siste rotasjon' }).click();
    await expect(facilitator.getByTestId('hand-rotations')).toHaveCount(0);
    expect((await json()).loadings).toEqual(before.loadings);
  });

  await test.step('crib sheets: per factor the statements to read first, the same on screen and in the workbook', async () => {
    const sheets = facilitator.getByTestId('crib-sheets');
    await sheets.scrollIntoViewIfNeeded();
    await expect(sheets.getByRole('tab', { name: 'Brukeren først' })).toBeVisible();
    const first = facilitator.getByTestId('crib-sheet-1');
    await expect(first.getByRole('heading', { name: 'Tolkningsark for faktor 1: Brukeren først' })).toBeVisible();
    const listOf = async (sheet: typeof first, title: string) =>
      sheet.locator('div.break-inside-avoid', { has: facilitator.getByRole('heading', { name: title, exact: true }) }).locator('li strong').allTextContents().then((ids) => ids.map((id) => id.replace(/\.$/, '')));
    const top = await listOf(first, 'Rangert øverst');
    expect(top.length).toBeGreaterThan(0);
    await sheets.screenshot({ path: 'docs/screenshots/qsort-crib-sheet.png' });
    await sheets.getByRole('tab', { name: 'Faktor 2' }).click();
    await expect(facilitator.getByTestId('crib-sheet-2').getByRole('heading', { name: 'Tolkningsark for faktor 2: Faktor 2' })).toBeVisible();
    // On paper the open sheet stands alone: the console around it is not printed.
    await facilitator.emulateMedia({ media: 'print' });
    await expect(facilitator.getByTestId('crib-sheet-2').getByRole('heading', { name: 'Tolkningsark for faktor 2: Faktor 2' })).toBeVisible();
    await expect(facilitator.getByRole('button', { name: 'Kjør analysen' })).toBeHidden();
    await expect(facilitator.getByRole('button', { name: 'Skriv ut tolkningsarket' })).toBeHidden();
    await facilitator.emulateMedia({ media: 'screen' });

    const res = await facilitator.request.get((await facilitator.getByRole('link', { name: 'Resultat (Excel)' }).getAttribute('href'))!);
    const bytes = await res.body();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const crib = workbook.getWorksheet('Huskelister')!;
    const rows = crib.getSheetValues().slice(2).filter(Boolean).map((r) => (r as unknown[]).slice(1, 4) as string[]);
    expect(rows.filter(([f, list]) => f === 'f1' && list === 'Rangert øverst').map(([, , id]) => String(id))).toEqual(top);
  });

  await test.step('a paper sort typed in column by column joins the study: counted, analysed, named', async () => {
    const form = facilitator.getByTestId('paper-sort');
    await form.getByText('Legg inn en papirsortering').click();
    // The demo set's 36 statements on the grid's 11 columns (1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1 cells), in number order.
    const counts = [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1];
    let next = 1;
    const columns = counts.map((count) => Array.from({ length: count }, () => String(next++)));
    const fields = form.getByLabel(/^Kolonne [−+-]?\d+$/);
    await expect(fields).toHaveCount(11);
    // A slip: the second column gets one statement too few, and is named; what was typed stays.
    for (const [i, column] of columns.entries()) await fields.nth(i).fill((i === 1 ? column.slice(1) : column).join(', '));
    await form.getByRole('button', { name: 'Legg inn sorteringen' }).click();
    await expect(form.getByText('Kolonnen skal ha 2 utsagn.')).toBeVisible();
    await expect(fields.nth(0)).toHaveValue('1');
    await fields.nth(1).fill('2 3');
    await form.getByLabel('Pseudonym (valgfritt)').fill('Papir 1');
    await form.getByRole('button', { name: 'Legg inn sorteringen' }).click();
    await expect(form.getByText('1 papirsortering lagt inn.')).toBeVisible();
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('4');
    await expect(facilitator.getByTestId('qsort-done-note')).toHaveText('herav 1 på papir');
    await form.screenshot({ path: 'docs/screenshots/qsort-paper-sort.png' });
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByText('4 sorteringer analysert')).toBeVisible();
    await expect(facilitator.getByTestId('loadings')).toContainText('Papir 1');
  });

  await test.step('sorts from a file (a CSV from another tool, saved by Norwegian Excel) come in whole, or not at all', async () => {
    const counts = [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1];
    // Two sorts: statement n at the grid position of n, and the reverse.
    const value = (n: number) => {
      let seen = 0;
      return counts.findIndex((c) => (seen += c) >= n) - 5;
    };
    const rows = Array.from({ length: 36 }, (_, i) => `${i + 1},${value(i + 1)},${-value(i + 1)}`);
    const file = (lines: string[]) => ({ name: 'sorteringer.csv', mimeType: 'text/csv', buffer: Buffer.from(['statement,Ærfugl,Måke sør', ...lines].join('\r\n'), 'latin1') });
    await facilitator.getByText('Importer sorteringer fra fil (CSV eller PQMethod .DAT)').click();
    // The button opens the system's file chooser; the test answers it.
    const choose = async (f: ReturnType<typeof file>) => {
      const chooser = facilitator.waitForEvent('filechooser');
      await facilitator.getByRole('button', { name: 'Velg fil' }).click();
      await (await chooser).setFiles(f);
    };
    await choose(file(rows.slice(0, 35)));
    await expect(facilitator.getByTestId('import-error')).toHaveText(/Filen har ikke de samme utsagnene som dette settet\./);
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('4');
    await choose(file(rows));
    await expect(facilitator.getByText('2 sorteringer importert.')).toBeVisible();
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('6');
    await facilitator.getByTestId('import-sorts').screenshot({ path: 'docs/screenshots/qsort-import.png' });
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByText('6 sorteringer analysert')).toBeVisible();
    await expect(facilitator.getByTestId('loadings')).toContainText('Ærfugl');
    await expect(facilitator.getByTestId('loadings')).toContainText('Måke sør');
  });

  await test.step('a bipolar factor split into its poles, each with its own array; the files follow; joined again', async () => {
    await facilitator.getByRole('button', { name: 'Del faktor 1 i to poler' }).click();
    await expect(facilitator.getByRole('heading', { name: 'Faktor 1a · positiv pol (sorteringene med positiv ladning)' })).toBeVisible();
    await expect(facilitator.getByRole('heading', { name: /^Faktor 1b · negativ pol/ })).toBeVisible();
    await expect(facilitator.getByTestId('loadings').getByRole('columnheader', { name: 'Faktor 1b' })).toBeVisible();
    // Hand rotation turns the factors as extracted, so it waits until the poles are joined.
    await expect(facilitator.getByTestId('rotation-while-split')).toBeVisible();
    const rows = await facilitator.getByTestId('loadings').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => ({ text: td.querySelector('.tabular-nums')!.textContent!.trim(), flagged: td.querySelector('input')!.checked }))));
    const res = await facilitator.request.get((await facilitator.getByRole('link', { name: 'Resultat (JSON)' }).getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(decodeURIComponent(res.headers()['content-disposition']!)).toMatch(/-delt-1-/);
    const result = await res.json();
    expect(result.settings.split).toEqual([1]);
    expect(result.factorLabels.slice(0, 2)).toEqual(['1a', '1b']);
    // Pole b is pole a turned: the same loadings with the other sign; each sort is flagged on the pole it points to.
    result.loadings.forEach((row: number[]) => expect(row[1]).toBe(-row[0]!));
    expect(result.flagged.every((row: boolean[]) => !(row[0] && row[1]))).toBe(true);
    expect(result.loadings.map((row: number[]) => row.map((v) => formatDecimal('nb', v, 2)))).toEqual(rows.map((r) => r.map((c) => c.text)));
    expect(result.flagged).toEqual(rows.map((r) => r.map((c) => c.flagged)));
    const word = await readDocx(new Uint8Array(await (await facilitator.request.get((await facilitator.getByRole('link', { name: 'Rapport (Word)' }).getAttribute('href'))!)).body()));
    expect(word.tables.filter((t) => t[0]!.at(-1) === 'h²')[1]![0]!.slice(1, 3)).toEqual(['F1a', 'F1b']);
    await facilitator.getByTestId('analysis').locator('section', { has: facilitator.getByRole('heading', { name: 'Faktorarrayer' }) }).screenshot({ path: 'docs/screenshots/qsort-split-poles.png' });
    await facilitator.getByRole('button', { name: 'Slå sammen polene til faktor 1' }).click();
    await expect(facilitator.getByRole('heading', { name: 'Faktor 1', exact: true })).toBeVisible();
    await expect(facilitator.getByTestId('rotation-while-split')).toHaveCount(0);
  });

  await test.step('the project’s feedback page shows the study: the named factor and the comments', async () => {
    const projectId = /\/prosjekter\/([0-9a-f-]{36})\/live\//.exec(facilitator.url())![1]!;
    await facilitator.goto(`/prosjekter/${projectId}/tilbakemeldinger?vis=qsort`);
    // Other specs run Q-sorts of the demo set too: this one is the study with the factor named here.
    const study = facilitator.getByTestId('qsort-study').filter({ has: facilitator.getByRole('heading', { name: 'Brukeren først' }) }).first();
    await expect(study.getByRole('heading', { name: 'Brukeren først' })).toBeVisible();
    await expect(study.getByText('Tid til oppfølging mangler')).toBeVisible();
    await expect(study.getByTestId('qsort-sort-count')).toHaveText('6 ferdige sorteringer');
    await expect(study.getByText(/Måke/).first()).toBeVisible();
    await facilitator.screenshot(shot('feedback-qsort'));
  });
});
