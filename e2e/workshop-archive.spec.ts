import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readDocx, type DocxContent } from '../test/report-files';
import { joinAnonymously, LAPTOP, PHONE } from './support/actors';
import { signInFacilitator, startDemoWorkshop } from './support/facilitator';
import { moveNoteToTheme, startVoting } from './support/plenary';
import { startOwnVerksted, type OwnVerksted } from './support/own-server';
import { pageScreensTo } from './support/screen-pages';
import { openBigScreen } from './support/big-screen';

const shot = (name: string) => ({ path: `docs/screenshots/issue12-${name}.png`, fullPage: true });
/** Written as "Veilederne" (definite plural) and searched as "veiledere" (indefinite plural). */
const NOTE = 'Veilederne mangler tid til oppfølging av brukerne';
const OTHER_NOTE = 'Aktivitetsplanen blir firkantet';
const SEARCH = 'veiledere';
const THEME = 'Tid og kapasitet';
const TAG = 'Forskningsspørsmål 2: tid til oppfølging';
const WORKSHOP = 'Utviklingsverksted 1: foreløpige funn fra Fase 1';
const FINDINGS_TITLE = 'Kjenner dere igjen funnene?';
const CLOSING_QUESTIONS = ['Hvor nyttig var verkstedet for deg?', 'Hvor godt fikk du fram dine synspunkter?', 'Hvor godt kjente du deg igjen i funnene?'];

/** The hit card holding `text` on the Tilbakemeldinger page. */
const hitWith = (page: Page, text: string) => page.getByTestId('archive-hit').filter({ hasText: text });

/** Clicks a download link (Aksel's `Button as="a"`, so role button) and reads the .docx it gives. */
async function downloadDocx(page: Page, name: string): Promise<{ file: string; docx: DocxContent }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const done = await waiting;
  const docx = await readDocx(new Uint8Array(readFileSync(await done.path())));
  return { file: done.suggestedFilename(), docx };
}

test('after a demo workshop: results page, summary on the screen, a board note found by an inflected word, tagged, and in the Word report', async ({ browser }) => {
  test.setTimeout(420_000);
  // Its own server: the demo workshop it ends stays ended, and no other spec's data is in its archive.
  const own: OwnVerksted = await startOwnVerksted('workshop-archive');
  try {
    const facilitator = await own.device(browser, LAPTOP);
    await signInFacilitator(facilitator);
    const code = await startDemoWorkshop(facilitator);
    const consoleUrl = facilitator.url();
    const projectPath = new URL(consoleUrl).pathname.replace(/\/live\/.*$/, '');

    // The big screen is a device of its own, signed in as the facilitator.
    const screen = await openBigScreen(facilitator);
    const [phoneA, phoneB, laptop] = [await own.device(browser, PHONE), await own.device(browser, PHONE), await own.device(browser, LAPTOP)];
    const people = [phoneA, phoneB, laptop];
    let resultsUrl = '';

    await test.step('three participants join, two on phones, and answer the first finding', async () => {
      for (const p of people) await joinAnonymously(p, code);
      await expect(screen.getByTestId('screen-joined')).toHaveText('3 deltakere');
      await facilitator.getByRole('button', { name: 'Start programmet' }).click();
      for (const [p, answer] of [[phoneA, 'Kjenner igjen'], [phoneB, 'Kjenner igjen'], [laptop, 'Nyanserer']] as const) {
        await p.getByRole('radio', { name: answer }).check();
        if (p === phoneA) await p.getByLabel('Kommentar (valgfritt)').fill('Stemmer med hverdagen på vårt kontor');
        await p.getByRole('button', { name: 'Send' }).click();
        await expect(p.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeVisible();
      }
    });

    await test.step('group reflection: notes on the group board, one with "Veilederne"', async () => {
      // Straight to the group reflection from the agenda: a loop of 'Neste' that looked between clicks
      // could read the heading before the click had landed and step past it on a loaded machine.
      await facilitator.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: /Grupperefleksjon/ }).click();
      await expect(facilitator.getByTestId('current-activity')).toContainText('Grupperefleksjon');
      for (const [p, text] of [[phoneA, NOTE], [laptop, OTHER_NOTE]] as const) {
        await expect(p.getByTestId('board')).toHaveAttribute('data-status', 'synced');
        await p.getByLabel('Tekst på lappen').fill(text);
        await p.getByRole('button', { name: 'Legg til lapp' }).click();
        await expect(p.getByText(text)).toBeVisible();
      }
      await facilitator.getByRole('button', { name: 'Avslutt stille skriving' }).click();
      await expect(facilitator.getByText(NOTE).first()).toBeVisible();
      await expect(phoneB.getByText(NOTE)).toBeVisible();
    });

    await test.step('plenary: a theme with the note, dots and a word from each', async () => {
      await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
      await expect(facilitator.getByTestId('current-activity')).toContainText('Plenum');
      await facilitator.getByLabel('Navn på temaet').fill(THEME);
      await facilitator.getByRole('button', { name: 'Lag tema' }).click();
      await moveNoteToTheme(facilitator, NOTE, THEME);
      await startVoting(facilitator);
      for (const p of people) {
        await p.getByRole('button', { name: `Gi en prikk til ${THEME}` }).click();
        await expect(p.getByTestId('dots-left')).toHaveText('Du har 2 prikker igjen av 3');
        await p.getByLabel('Ett ord som beskriver kompetanseaktivitetene for deg?').fill('Tillit');
        await p.getByRole('button', { name: 'Send' }).click();
        await expect(p.getByText('Ordet ditt er med.')).toBeVisible();
      }
    });

    await test.step('closing round, then the facilitator ends the session', async () => {
      await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
      for (const [i, p] of people.entries()) {
        for (const q of CLOSING_QUESTIONS) await p.getByRole('radiogroup', { name: q }).getByRole('radio', { name: String(4 - i) }).check();
        await p.getByRole('button', { name: 'Send' }).click();
        await expect(p.getByText('Takk! Svarene dine er lagret.')).toBeVisible();
      }
      await facilitator.getByRole('button', { name: 'Avslutt økten' }).click();
      await facilitator.getByRole('dialog').getByRole('button', { name: 'Avslutt økten' }).click();
      for (const p of people) await expect(p.getByText('Økten er avsluttet. Takk for at du deltok!')).toBeVisible();
    });

    await test.step('the facilitator opens the session’s results page from the ended console', async () => {
      await facilitator.getByRole('link', { name: 'Se resultatene' }).click();
      await expect(facilitator).toHaveURL(/\/resultater$/);
      resultsUrl = facilitator.url();
      await expect(facilitator.getByRole('heading', { level: 1, name: `Resultater: ${WORKSHOP}` })).toBeVisible();
      const findings = facilitator.getByTestId('outcome-findings');
      await expect(findings.getByTestId('count-kjenner_igjen').first()).toHaveText('2');
      await expect(findings.getByTestId('count-nyanserer').first()).toHaveText('1');
      await expect(findings.getByText('Stemmer med hverdagen på vårt kontor')).toBeVisible();
      await expect(facilitator.getByTestId('outcome-reflection').getByTestId('board-note').filter({ hasText: NOTE })).toContainText(THEME);
      await expect(facilitator.getByTestId('outcome-plenary').getByTestId('theme-outcome')).toContainText('3 prikker');
      await facilitator.screenshot(shot('results-page'));
    });

    await test.step('the facilitator shows the summary on the screen, and the screen shows it', async () => {
      await facilitator.getByRole('button', { name: 'Vis oppsummering på skjermen' }).click();
      await expect(facilitator.getByText('Skjermen viser oppsummeringen.')).toBeVisible();
      const summary = screen.getByTestId('screen-summary');
      await expect(summary.getByRole('heading', { name: 'Oppsummering', exact: true })).toBeVisible();
      // An activity a page: the theme shows when the summary reaches the reflection or the plenary.
      await pageScreensTo(facilitator, [screen], (s) => s.getByTestId('screen-summary').getByText(THEME));
      await facilitator.screenshot(shot('results-summary-shown'));
      // The session has ended: the screen no longer invites anyone to join.
      await expect(screen.getByTestId('screen-code')).toBeHidden();
      await screen.screenshot(shot('screen-summary-1920'));
      // An activity a page: the facilitator steps to the closing round from the results page.
      await pageScreensTo(facilitator, [screen], (s) => s.getByTestId('screen-summary').getByTestId('outcome-closing'));
      await expect(summary.getByTestId('outcome-closing')).toContainText('3,0');
      await screen.screenshot(shot('screen-summary-1920-end'));
    });

    await test.step('the results page gives this session’s Word report', async () => {
      const sessionId = new URL(consoleUrl).pathname.split('/').at(-1)!;
      await expect(facilitator.getByRole('button', { name: 'Last ned Word' })).toHaveAttribute('href', new RegExp(`[?&]okt=${sessionId}(&|$)`));
      const { file, docx } = await downloadDocx(facilitator, 'Last ned Word');
      // Named after the session, not the project.
      expect(file).toMatch(/^utviklingsverksted-1[a-z0-9-]*-\d{4}-\d{2}-\d{2}\.docx$/);
      const headings = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);
      expect(headings('Heading2')).toHaveLength(1);
      expect(headings('Heading2')[0]).toMatch(/^Utviklingsverksted 1/);
      expect(headings('Heading3')).toContain(FINDINGS_TITLE);
      expect(docx.text).toContain(NOTE);
    });

    await test.step(`on Tilbakemeldinger, "${SEARCH}" finds the board note that says "Veilederne"`, async () => {
      await facilitator.goto(`${projectPath}/tilbakemeldinger`);
      const search = facilitator.getByRole('search', { name: 'Søk i alle tilbakemeldinger' });
      await search.getByLabel('Søkeord').fill(SEARCH);
      await search.getByRole('button', { name: 'Søk' }).click();
      await expect(facilitator).toHaveURL(new RegExp(`sok=${SEARCH}`));
      // The board is archived as the session ends; a loaded machine may need a moment.
      await expect(async () => {
        await facilitator.reload();
        await expect(hitWith(facilitator, NOTE)).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
      await expect(hitWith(facilitator, NOTE)).toContainText('Notat');
      await expect(hitWith(facilitator, OTHER_NOTE)).toHaveCount(0);
      await facilitator.screenshot(shot('archive-search'));
    });

    await test.step('the facilitator tags the note', async () => {
      const hit = hitWith(facilitator, NOTE);
      await hit.getByRole('button', { name: 'Legg til tagg' }).click();
      await hit.getByLabel('Tagg (tema eller forskningsspørsmål)').fill(TAG);
      await hit.getByRole('button', { name: 'Legg til tagg' }).click();
      await expect(hit.getByRole('button', { name: `${TAG} slett` })).toBeVisible();
      await facilitator.screenshot(shot('archive-tagged'));
    });

    await test.step('the tag view shows the note under its tag', async () => {
      await facilitator.getByRole('link', { name: 'Se tagger (1)' }).click();
      await expect(facilitator.getByRole('heading', { level: 1, name: 'Tagger' })).toBeVisible();
      const group = facilitator.getByRole('region', { name: TAG });
      await expect(group.getByText(NOTE)).toBeVisible();
      await expect(group.getByText('1 bidrag')).toBeVisible();
      await facilitator.screenshot(shot('tag-view'));
    });

    await test.step('the workshop page gives the Word report, with the note under the workshop’s headings', async () => {
      // The results page leads back to its workshop.
      await facilitator.goto(resultsUrl);
      await facilitator.getByRole('link', { name: WORKSHOP, exact: true }).first().click();
      await expect(facilitator).toHaveURL(/\/verksted\/[0-9a-f-]{36}$/);
      await expect(facilitator.getByRole('heading', { name: 'Rapport og data' })).toBeVisible();
      await facilitator.getByRole('heading', { name: 'Rapport og data' }).scrollIntoViewIfNeeded();
      await facilitator.screenshot(shot('workshop-report-downloads'));
      const { file, docx } = await downloadDocx(facilitator, 'Last ned Word');
      expect(file).toMatch(/^utviklingsverksted-1[a-z0-9-]*-\d{4}-\d{2}-\d{2}\.docx$/);
      const headings = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);
      expect(headings('Heading1')).toContain('Verksteder');
      expect(headings('Heading3')).toContain(FINDINGS_TITLE);
      expect(docx.text).toContain(NOTE);
      expect(docx.text).toContain(THEME);
    });

    for (const p of [facilitator, ...people]) await p.context().close();
  } finally {
    await own.close();
  }
});
