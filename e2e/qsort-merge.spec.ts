import { expect, test, type Page } from '@playwright/test';
import { LAPTOP, PHONE, newParticipant, submitJoinForm } from './support/actors';
import { expectNoAxeViolations } from './support/axe';
import { placeSome, sortIntoPiles, startDemoQsort } from './support/qsort';
import { signInFacilitator } from './support/facilitator';

/** The demo set's 36 statements as one sort on its grid (statement n in grid order) and its reverse, as a CSV from another tool. */
function twoSortsCsv(names: [string, string]) {
  const counts = [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1];
  const value = (n: number) => {
    let seen = 0;
    return counts.findIndex((c) => (seen += c) >= n) - 5;
  };
  const rows = Array.from({ length: 36 }, (_, i) => `${i + 1},${value(i + 1)},${-value(i + 1)}`);
  return { name: 'sorteringer.csv', mimeType: 'text/csv', buffer: Buffer.from([`statement,${names.join(',')}`, ...rows].join('\n'), 'utf8') };
}

async function importSorts(facilitator: Page, file: ReturnType<typeof twoSortsCsv>) {
  await facilitator.getByText('Importer sorteringer fra fil (CSV eller PQMethod .DAT)').click();
  const chooser = facilitator.waitForEvent('filechooser');
  await facilitator.getByRole('button', { name: 'Velg fil' }).click();
  await (await chooser).setFiles(file);
  await expect(facilitator.getByText('2 sorteringer importert.')).toBeVisible();
}

test('two Q-sort sessions of the same statements analysed as one study: the morning’s sorts join the afternoon’s, and leave again', async ({ browser }) => {
  test.setTimeout(240_000);
  const facilitatorContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const facilitator = await facilitatorContext.newPage();
  await signInFacilitator(facilitator);

  let morningId = '';
  await test.step('the morning session: two sorts come in from a file', async () => {
    await startDemoQsort(facilitator);
    morningId = /\/live\/([0-9a-f-]{36})/.exec(facilitator.url())![1]!;
    await importSorts(facilitator, twoSortsCsv(['Morgen 1', 'Morgen 2']));
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('2');
  });

  let code = '';
  await test.step('the afternoon session: a phone and a laptop sort and submit', async () => {
    await facilitator.goto('/prosjekter');
    code = await startDemoQsort(facilitator);
    const people = [await newParticipant(browser, PHONE), await newParticipant(browser, LAPTOP)];
    for (const [i, p] of people.entries()) {
      await p.goto(`/delta/${code}`);
      await submitJoinForm(p);
      await p.getByRole('button', { name: 'Jeg har lest utsagnene' }).click();
      await sortIntoPiles(p, 36, { pileOf: (n) => ((n + i) % 3 === 0 ? 'agree' : (n + i) % 3 === 1 ? 'neutral' : 'disagree') });
      await placeSome(p, 36);
      await p.getByRole('button', { name: 'Videre', exact: true }).click();
      await p.getByRole('button', { name: 'Videre', exact: true }).click();
      await p.getByRole('button', { name: 'Videre', exact: true }).click();
      await p.getByLabel('Pseudonym (valgfritt)').fill(`Ettermiddag ${i + 1}`);
      await p.getByRole('button', { name: 'Send inn sorteringen' }).click();
      await expect(p.getByTestId('qsort-done')).toBeVisible();
    }
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('2');
  });

  await test.step('the morning’s sorts are taken into the study, counted, analysed and named', async () => {
    await facilitator.getByText('Slå sammen med andre økter av samme utsagnssett').click();
    const panel = facilitator.getByTestId('merge-studies');
    // Other specs may have run Q-sorts of the demo set too: the morning's is found by its session.
    const morning = panel.locator(`input[value="${morningId}"]`);
    await expect(panel.locator('.aksel-checkbox', { has: facilitator.locator(`input[value="${morningId}"]`) })).toContainText('2 ferdige sorteringer');
    await expect(panel.getByRole('checkbox', { checked: true })).toHaveCount(0);
    // Ticked once the server has taken the sorts in (the box follows the study, not the click).
    await morning.click();
    await expect(morning).toBeChecked();
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('4');
    await expect(facilitator.getByTestId('qsort-done-note')).toHaveText('herav 2 fra andre økter');
    await panel.screenshot({ path: 'docs/screenshots/qsort-merge.png' });
    await expectNoAxeViolations(facilitator, 'the console with the merge panel open');
    // Four sorts hold two viewpoints at most.
    await facilitator.getByLabel('Antall faktorer').selectOption('2');
    await facilitator.getByRole('radio', { name: 'Prinsipalkomponenter (PCA)' }).check();
    await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
    await expect(facilitator.getByText('4 sorteringer analysert')).toBeVisible();
    for (const name of ['Morgen 1', 'Morgen 2', 'Ettermiddag 1', 'Ettermiddag 2']) await expect(facilitator.getByTestId('loadings')).toContainText(name);
    const res = await facilitator.request.get((await facilitator.getByRole('link', { name: 'Resultat (JSON)' }).getAttribute('href'))!);
    const history = (await res.json()).settings.history as { sort: string; source: string; study?: string }[];
    expect(history.map((h) => [h.sort, h.source, Boolean(h.study)])).toEqual([
      ['Ettermiddag 1', 'live', false],
      ['Ettermiddag 2', 'live', false],
      ['Morgen 1', 'import', true],
      ['Morgen 2', 'import', true],
    ]);
  });

  await test.step('let go again: the study is the afternoon’s own sorts', async () => {
    const morning = facilitator.getByTestId('merge-studies').locator(`input[value="${morningId}"]`);
    await morning.click();
    await expect(morning).not.toBeChecked();
    await expect(facilitator.getByTestId('qsort-done')).toHaveText('2');
    await expect(facilitator.getByTestId('qsort-done-note')).toHaveCount(0);
    // The analysis on the console ran on four sorts; its files are held back until it runs again.
    await expect(facilitator.getByTestId('analysis-stale')).toBeVisible();
  });
});
