import { expect, test, type Page } from '@playwright/test';
import { joinAnonymously, LAPTOP, PHONE, newParticipant } from './support/actors';
import { signInFacilitator } from './support/facilitator';
import { moveNoteToTheme, startVoting } from './support/plenary';
import { pageScreensTo } from './support/screen-pages';
import { openBigScreen } from './support/big-screen';

const shot = (name: string) => ({ path: `test-results/session-results/${name}.png`, fullPage: true });

test('after a workshop: the results page, the closing summary on the screen and a short summary on the phone', async ({ browser }) => {
  test.setTimeout(300_000);
  const facilitatorContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const facilitator = await facilitatorContext.newPage();
  await signInFacilitator(facilitator);

  let code = '';
  await test.step('a new workshop in the demo project, shown from two answers, is started', async () => {
    await facilitator.getByRole('link', { name: /Arbeid først/ }).first().click();
    await facilitator.getByRole('link', { name: 'Nytt verksted eller se alle' }).click();
    await facilitator.waitForLoadState('networkidle');
    // A controlled field typed into before hydration comes back empty: type again until the form takes it.
    await expect(async () => {
      if (/\/verksted\/[0-9a-f-]{36}$/.test(facilitator.url())) return;
      await facilitator.getByLabel('Tittel').first().fill('Verksted om resultater');
      await facilitator.getByRole('button', { name: 'Opprett verksted' }).click();
      await expect(facilitator).toHaveURL(/\/verksted\/[0-9a-f-]{36}$/, { timeout: 10_000 });
    }).toPass({ timeout: 60_000 });
    await expect(facilitator.getByRole('heading', { level: 1, name: 'Verksted om resultater' })).toBeVisible();
    await facilitator.waitForLoadState('networkidle');
    const details = facilitator.locator('section[aria-labelledby="om-verkstedet"]');
    await details.getByLabel('Minste antall svar før resultater vises').selectOption('2');
    await details.getByRole('button', { name: 'Lagre' }).click();
    await expect(details.getByText('Lagret')).toBeVisible();
    await facilitator.getByRole('button', { name: 'Start verkstedet' }).click();
    await expect(facilitator).toHaveURL(/\/live\//);
    code = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  });
  const consoleUrl = facilitator.url();
  const projectUrl = consoleUrl.replace(/\/live\/.*$/, '');

  const screen = await openBigScreen(facilitator);
  const phone = await newParticipant(browser, PHONE);
  const laptop = await newParticipant(browser, LAPTOP);
  await test.step('two participants join, one on a phone', async () => {
    for (const p of [phone, laptop]) await joinAnonymously(p, code);
    await expect(screen.getByTestId('screen-joined')).toHaveText('2 deltakere');
  });

  await test.step('findings round: both answer the first finding', async () => {
    await facilitator.getByRole('button', { name: 'Start programmet' }).click();
    await phone.getByRole('radio', { name: 'Kjenner igjen' }).check();
    await phone.getByLabel('Kommentar (valgfritt)').fill('Stemmer med hverdagen hos oss');
    await phone.getByRole('button', { name: 'Send' }).click();
    await laptop.getByRole('radio', { name: 'Nyanserer' }).check();
    await laptop.getByRole('button', { name: 'Send' }).click();
    for (const p of [phone, laptop]) await expect(p.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeVisible();
    for (let i = 0; i < 6; i++) await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(facilitator.getByTestId('current-activity')).toContainText(/Grupperefleksjon|Refleksjon i grupper/);
  });

  await test.step('group reflection: each writes a note on the group board', async () => {
    await facilitator.getByRole('button', { name: 'Avslutt stille skriving' }).click();
    // Ending silent writing swaps each draft for the group board: write once the board is back.
    for (const p of [phone, laptop]) await expect(p.getByText(/Stille skriving: skriv dine egne lapper/)).toBeHidden();
    for (const [p, text] of [[phone, 'Tid til oppfølging mangler'], [laptop, 'Kollegaveiledning gir trygghet']] as const) {
      await expect(p.getByTestId('board')).toHaveAttribute('data-status', 'synced');
      await p.getByLabel('Tekst på lappen').fill(text);
      await p.getByRole('button', { name: 'Legg til lapp' }).click();
      await expect(p.getByText(text)).toBeVisible();
    }
    await expect(phone.getByText('Kollegaveiledning gir trygghet')).toBeVisible();
    await expect(laptop.getByText('Tid til oppfølging mangler')).toBeVisible();
  });

  await test.step('plenary: one theme, dots and a word from each', async () => {
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(facilitator.getByTestId('current-activity')).toContainText('Plenum');
    await facilitator.getByLabel('Navn på temaet').fill('Tid og kapasitet');
    await facilitator.getByRole('button', { name: 'Lag tema' }).click();
    await moveNoteToTheme(facilitator, 'Tid til oppfølging mangler', 'Tid og kapasitet');
    await startVoting(facilitator);
    for (const [p, word] of [[phone, 'Tillit'], [laptop, 'Tid']] as const) {
      await p.getByRole('button', { name: 'Gi en prikk til Tid og kapasitet' }).click();
      await expect(p.getByTestId('dots-left')).toHaveText('Du har 2 prikker igjen av 3');
      await p.getByLabel('Ett ord som beskriver dagens tema for deg?').fill(word);
      await p.getByRole('button', { name: 'Send' }).click();
      await expect(p.getByText('Ordet ditt er med.')).toBeVisible();
    }
  });

  await test.step('closing round; the facilitator lets the phones have a summary, then ends', async () => {
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    for (const [i, p] of [phone, laptop].entries()) {
      for (const q of ['Hvor nyttig var verkstedet for deg?', 'Hvor godt fikk du fram dine synspunkter?', 'Hvor godt kjente du deg igjen i funnene?']) {
        await p.getByRole('radiogroup', { name: q }).getByRole('radio', { name: String(4 - i) }).check();
      }
      await p.getByRole('button', { name: 'Send' }).click();
      await expect(p.getByText('Takk! Svarene dine er lagret.')).toBeVisible();
    }
    await facilitator.getByRole('checkbox', { name: 'Deltakerne får en kort oppsummering på mobilen når økten avsluttes' }).click();
    await expect(facilitator.getByRole('checkbox', { name: 'Deltakerne får en kort oppsummering på mobilen når økten avsluttes' })).toBeChecked();
    await facilitator.getByRole('button', { name: 'Avslutt økten' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Avslutt økten' }).click();
  });

  await test.step('the phone shows its short summary after the end', async () => {
    await expect(phone.getByText('Økten er avsluttet. Takk for at du deltok!')).toBeVisible();
    const summary = phone.getByTestId('phone-summary');
    await expect(summary.getByRole('heading', { name: 'Kort oppsummering' })).toBeVisible();
    await expect(summary.getByTestId('count-kjenner_igjen').first()).toHaveText('1');
    await expect(summary.getByText('Tid og kapasitet')).toBeVisible();
    // Short: no board notes, no comments.
    await expect(summary.getByText('Stemmer med hverdagen hos oss')).toBeHidden();
    await expect(summary.getByText('Kollegaveiledning gir trygghet')).toBeHidden();
    await phone.screenshot(shot('phone-short-summary'));
  });

  await test.step('the facilitator opens the results page from the ended console', async () => {
    await facilitator.getByRole('link', { name: 'Se resultatene' }).click();
    await expect(facilitator).toHaveURL(/\/resultater$/);
    await expect(facilitator.getByRole('heading', { level: 1, name: 'Resultater: Verksted om resultater' })).toBeVisible();
    const findings = facilitator.getByTestId('outcome-findings');
    await expect(findings.getByTestId('count-kjenner_igjen').first()).toHaveText('1');
    await expect(findings.getByTestId('count-nyanserer').first()).toHaveText('1');
    await expect(findings.getByText('Stemmer med hverdagen hos oss')).toBeVisible();
    const board = facilitator.getByTestId('outcome-reflection').getByTestId('board-note');
    await expect(board.filter({ hasText: 'Tid til oppfølging mangler' })).toContainText('Tid og kapasitet');
    await expect(board.filter({ hasText: 'Kollegaveiledning gir trygghet' })).toContainText('Ikke i et tema');
    await expect(facilitator.getByTestId('group-board').getByRole('heading', { name: 'Gruppe 1' })).toBeVisible();
    const plenary = facilitator.getByTestId('outcome-plenary');
    await expect(plenary.getByTestId('theme-outcome')).toContainText('2 prikker');
    await expect(plenary.getByRole('table')).toContainText('tillit');
    const closing = facilitator.getByTestId('outcome-closing').getByTestId('evaluation-table');
    await expect(closing.getByRole('row', { name: /Hvor nyttig var verkstedet for deg\?/ })).toContainText('3,5');
    await facilitator.screenshot(shot('results-page'));
  });

  await test.step('the facilitator shows the summary on the big screen', async () => {
    await facilitator.getByRole('button', { name: 'Vis oppsummering på skjermen' }).click();
    await expect(facilitator.getByText('Skjermen viser oppsummeringen.')).toBeVisible();
    const summary = screen.getByTestId('screen-summary');
    await expect(summary.getByRole('heading', { name: 'Oppsummering', exact: true })).toBeVisible();
    await pageScreensTo(facilitator, [screen], (s) => s.getByTestId('screen-summary').getByText('Tid og kapasitet'));
    // The screen never names a note's author, and shows what the public rules allow. An
    // activity a page: the facilitator steps to the closing round from the results page.
    await pageScreensTo(facilitator, [screen], (s) => s.getByTestId('screen-summary').getByTestId('outcome-closing'));
    await expect(summary.getByTestId('outcome-closing')).toContainText('3,5');
    await screen.screenshot(shot('screen-summary-1920'));
  });

  await test.step('the workshop page and Tilbakemeldinger link the session’s results', async () => {
    await facilitator.goto(`${projectUrl}/tilbakemeldinger?vis=utviklingsverksted`);
    await expect(facilitator.getByRole('link', { name: 'Utviklingsverksted', exact: true })).toHaveAttribute('aria-current', 'page');
    const card = facilitator.getByRole('article', { name: 'Verksted om resultater' });
    await expect(card).toContainText('Tid og kapasitet (2)');
    await facilitator.screenshot(shot('feedback-archive-workshop'));
    await card.getByRole('link', { name: 'Se alle resultatene' }).click();
    await expect(facilitator).toHaveURL(/\/resultater$/);
    await facilitator.getByRole('link', { name: 'Verksted om resultater' }).first().click();
    await expect(facilitator.getByTestId('ended-sessions').getByRole('link', { name: /Se resultatene fra økten/ })).toBeVisible();
    await facilitator.screenshot(shot('workshop-page-ended-sessions'));
  });
  await closeAll([phone, laptop, screen]);
});

async function closeAll(pages: Page[]) {
  for (const p of pages) await p.context().close();
}
