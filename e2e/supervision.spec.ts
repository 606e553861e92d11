import { expect, test, type Page } from '@playwright/test';
import { LAPTOP, PHONE, newParticipant, submitJoinForm } from './support/actors';
import { expectFitsEveryProjector } from './support/screen-fit';
import { signInFacilitator } from './support/facilitator';
import { JOIN_CODE_LENGTH } from '../lib/join-code';
import { validNationalId } from '../test/personal-numbers';
import { openBigScreen } from './support/big-screen';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: true });
/** A valid fødselsnummer, new every run (both control digits right). */
const FNR = validNationalId();

async function joinWithName(page: Page, code: string, name: string) {
  await page.goto(`/delta/${code}`);
  await page.getByLabel('Fornavn').fill(name);
  await submitJoinForm(page);
  await expect(page.getByTestId('supervision-participant')).toBeVisible();
}

test('a whole kollegaveiledning: roles, the case, turn rounds, listening-only reflection, time boxes, outcome kept in the project', async ({ browser }) => {
  test.setTimeout(300_000);
  const leaderContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const leader = await leaderContext.newPage();
  await signInFacilitator(leader);

  let code = '';
  let projectUrl = '';
  await test.step('the leader starts a meeting of the demo project’s veiledningsgruppe', async () => {
    await leader.getByRole('link', { name: /Arbeid først/ }).first().click();
    await expect(leader).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}$/);
    projectUrl = leader.url();
    await leader.goto(`${projectUrl}/kollegaveiledning`);
    await leader.getByRole('button', { name: 'Start møte' }).first().click();
    await expect(leader).toHaveURL(/\/live\//);
    await expect(leader.getByTestId('supervision-console')).toBeVisible();
    code = ((await leader.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    expect(code).toHaveLength(JOIN_CODE_LENGTH);
  });

  const screen = await openBigScreen(leader);

  const kari = await newParticipant(browser, LAPTOP);
  const ola = await newParticipant(browser, PHONE);
  const aisha = await newParticipant(browser, PHONE);
  const per = await newParticipant(browser, LAPTOP);
  await test.step('the case owner and three participants join by name', async () => {
    await joinWithName(kari, code, 'Kari');
    await joinWithName(ola, code, 'Ola');
    await joinWithName(aisha, code, 'Aisha');
    await joinWithName(per, code, 'Per');
    await expect(leader.getByTestId('member')).toHaveCount(4);
    await expect(screen.getByRole('heading', { name: 'Slik jobber vi' })).toBeVisible();
    await expectFitsEveryProjector(screen, 'opening');
  });

  await test.step('the leader gives roles; the case owner writes the anonymised case', async () => {
    await leader.getByRole('button', { name: 'Start første runde' }).click();
    await expect(leader.getByText('Velg en saksholder før første runde.')).toBeVisible();
    await leader.getByLabel('Rolle for Kari').selectOption('case_owner');
    await expect(kari.getByTestId('my-role')).toHaveText('Du er saksholder');
    await expect(kari.getByText(/Husk å anonymisere/)).toBeVisible();
    const framlegg = kari.getByLabel('Saksframlegg');
    await framlegg.fill(`Bruker ${FNR} har stått lenge utenfor arbeid.`);
    await kari.getByLabel('Spørsmålet du vil ha hjelp med').fill('Hvordan kan jeg holde motivasjonen oppe?');
    await kari.getByRole('button', { name: 'Lagre saken' }).click();
    await expect(kari.getByText(/personopplysninger/)).toBeVisible();
    await expect(framlegg).toHaveValue(`Bruker ${FNR} har stått lenge utenfor arbeid.`);
    await framlegg.fill('En bruker i 40-årene har stått lenge utenfor arbeid og har mistet troen på at det nytter.');
    await kari.getByRole('button', { name: 'Lagre saken' }).click();
    await expect(kari.getByText('Saken er lagret. Alle i gruppen ser den.')).toBeVisible();
    await expect(ola.getByTestId('case')).toContainText('mistet troen');
    await expectFitsEveryProjector(screen, 'opening with the case');
    await leader.screenshot(shot('supervision-console-opening'));
    await ola.screenshot(shot('supervision-phone-opening'));
  });

  await test.step('saksframlegg, then clarifying questions one by one', async () => {
    await leader.getByRole('button', { name: 'Start første runde' }).click();
    await expect(screen.getByTestId('round-name')).toHaveText('Saksframlegg');
    await expectFitsEveryProjector(screen, 'saksframlegg');
    await expect(ola.getByTestId('round-name')).toHaveText('Saksframlegg');
    await leader.getByRole('button', { name: 'Neste runde' }).click();
    await expect(ola.getByTestId('round-name')).toHaveText('Oppklarende spørsmål');
    await expect(screen.getByTestId('speaker-now')).toContainText('Ola');
    await expect(screen.getByTestId('speaker-next')).toContainText('Aisha');
    await expectFitsEveryProjector(screen, 'turn round', 'docs/screenshots/issue13-screen-supervision-turn.png');
    await expect(ola.getByText('Det er din tur')).toBeVisible();
    await expect(aisha.getByText('Du er neste')).toBeVisible();
    await leader.getByRole('button', { name: 'Ordet går videre' }).click();
    await expect(aisha.getByText('Det er din tur')).toBeVisible();
    await aisha.screenshot(shot('supervision-phone-turn'));
  });

  await test.step('a participant reloads in the middle of the turn round and gets the same state back', async () => {
    const before = await aisha.getByTestId('countdown').textContent();
    await aisha.reload();
    await expect(aisha.getByTestId('round-name')).toHaveText('Oppklarende spørsmål');
    await expect(aisha.getByTestId('speaker-now')).toContainText('Aisha');
    await expect(aisha.getByText('Det er din tur')).toBeVisible();
    await expect(aisha.getByTestId('my-role')).toHaveText('Du er deltaker');
    // The same running timer (counted down from the server's endsAt), not a fresh one.
    const after = await aisha.getByTestId('countdown').textContent();
    expect(minutesOf(after)).toBeLessThanOrEqual(minutesOf(before));
    await aisha.getByRole('button', { name: 'Jeg står over' }).click();
    await expect(per.getByText('Det er din tur')).toBeVisible();
    await leader.getByRole('button', { name: 'Ordet går videre' }).click();
    await expect(screen.getByTestId('speaker-now')).toHaveText('Alle har hatt ordet i denne runden.');
  });

  await test.step('the time box runs out and the leader extends it', async () => {
    // Minutes as people write them: 0,2 min is 12 s.
    await leader.getByLabel('Sett tid (minutter)').fill('0,2');
    await leader.getByRole('button', { name: 'Start tid' }).click();
    await expect(screen.getByText('Tiden er ute')).toBeVisible({ timeout: 20_000 });
    await expectFitsEveryProjector(screen, 'time is up');
    // Seen on the phone's timer, and read out once by its announcer.
    await expect(ola.getByTestId('countdown').first()).toContainText('Tiden er ute');
    await expect(ola.getByTestId('announcer')).toHaveText(/Tiden er ute/);
    await leader.getByRole('button', { name: '+1 min' }).click();
    await expect(screen.getByText('Tiden er ute')).toBeHidden();
    await expect(screen.getByTestId('countdown')).toContainText(/^(1:00|0:5\d)/);
  });

  await test.step('reflection: the case owner only listens, the others write notes', async () => {
    await leader.getByRole('button', { name: 'Neste runde' }).click();
    await expect(kari.getByTestId('round-name')).toHaveText('Refleksjonsrunde');
    await expect(kari.getByTestId('listening-only')).toContainText('Du lytter i denne runden');
    await expect(kari.getByTestId('shared-notes')).toHaveAttribute('readonly', '');
    await expect(ola.getByTestId('shared-notes')).not.toHaveAttribute('readonly', '');
    await ola.getByTestId('shared-notes').fill('Små, konkrete mål kan gi fart igjen.');
    await expect(kari.getByTestId('shared-notes')).toHaveValue('Små, konkrete mål kan gi fart igjen.');
    await kari.screenshot(shot('supervision-case-owner-listening'));
    await expectFitsEveryProjector(screen, 'reflection', 'docs/screenshots/supervision-screen-reflection-1920.png');
  });

  await test.step('the case owner responds, then learning points and a SMART agreement', async () => {
    await leader.getByRole('button', { name: 'Neste runde' }).click();
    await expect(kari.getByTestId('listening-only')).toBeHidden();
    await expect(kari.getByTestId('shared-notes')).not.toHaveAttribute('readonly', '');
    await leader.getByRole('button', { name: 'Neste runde' }).click();
    await expect(ola.getByTestId('round-name')).toHaveText('Oppsummering');
    await ola.getByLabel('Nytt læringspunkt').fill('Små mål gir fart');
    await ola.getByRole('button', { name: 'Legg til læringspunkt' }).click();
    await expect(leader.getByTestId('learning-points')).toContainText('Små mål gir fart');
    await kari.getByLabel(/^Spesifikk/).fill('Kari avtaler ukentlige telefonsamtaler med brukeren');
    await kari.getByLabel(/^Målbart/).fill('Fire samtaler er gjennomført og notert');
    await kari.getByLabel(/^Anerkjennelse/).fill('Gruppen spør hvordan det gikk');
    await kari.getByLabel(/^Realistisk/).fill('Passer inn i dagens oppfølging');
    await kari.getByLabel('Tidsfrist').fill('15.12.2026');
    await kari.getByLabel('Tidsfrist').press('Tab');
    await kari.getByLabel(/^Evaluer/).fill('På neste kollegaveiledning');
    await kari.getByRole('button', { name: 'Lagre avtalen' }).click();
    await expect(aisha.getByTestId('agreement')).toContainText('Kari avtaler ukentlige telefonsamtaler');
    await expect(aisha.getByTestId('agreement')).toContainText('15. desember 2026');
    await expectFitsEveryProjector(screen, 'summary with learning points and the agreement', 'docs/screenshots/issue13-screen-supervision-summary.png');
    await kari.screenshot(shot('supervision-summary'));
  });

  await test.step('closing: the evaluation, then the leader ends the meeting', async () => {
    await leader.getByRole('button', { name: 'Til avslutning' }).click();
    for (const p of [kari, ola, aisha]) {
      await p.getByRole('radiogroup', { name: 'Fikk saksholder hjelp med spørsmålet sitt?' }).getByRole('radio', { name: '4 – I stor grad' }).check();
      await p.getByRole('radiogroup', { name: 'Var det trygt å si det en mente?' }).getByRole('radio', { name: '3', exact: true }).check();
      await p.getByRole('button', { name: 'Send svar' }).click();
      await expect(p.getByText('Takk! Svaret ditt er lagret.')).toBeVisible();
    }
    await expect(leader.getByText('3 har svart på evalueringen')).toBeVisible();
    await expectFitsEveryProjector(screen, 'closing');
    await leader.screenshot(shot('supervision-console-closing'));
    await leader.getByRole('button', { name: 'Avslutt økten' }).click();
    await leader.getByRole('dialog').getByRole('button', { name: 'Avslutt økten' }).click();
    await expect(ola.getByText('Økten er avsluttet. Takk for at du deltok!')).toBeVisible();
    await expectFitsEveryProjector(screen, 'ended');
  });

  await test.step('the learning point and the agreement are in the project’s feedback', async () => {
    await leader.goto(`${projectUrl}/tilbakemeldinger`);
    await expect(leader.getByText('Små mål gir fart')).toBeVisible();
    await expect(leader.getByText('Kari avtaler ukentlige telefonsamtaler med brukeren')).toBeVisible();
    await expect(leader.getByText('Små, konkrete mål kan gi fart igjen.')).toBeVisible();
    await leader.screenshot(shot('supervision-feedback'));
  });

  await test.step('the group’s next meeting opens with the agreements from this one', async () => {
    await leader.goto(`${projectUrl}/kollegaveiledning`);
    await leader.getByRole('button', { name: 'Start møte' }).first().click();
    await expect(leader.getByTestId('previous-agreements')).toContainText('Kari avtaler ukentlige telefonsamtaler med brukeren');
  });
});

const minutesOf = (text: string | null) => {
  const [m, s] = (text ?? '0:00').replace(/[^0-9:]/g, '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};
