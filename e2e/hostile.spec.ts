import { expect, test } from '@playwright/test';
import { LAPTOP, PHONE, joinByCode, newParticipant } from './support/actors';
import { signInFacilitator } from './support/facilitator';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: true });

/**
 * What a careless or hostile participant and a removed colleague meet in the browser: the
 * facilitator's participant cap, a paste too large for the shared notes (refused, the text kept
 * for the writer, nobody else sees it), and a colleague whose open console ends the moment the
 * owner removes them from the project.
 */
test('a capped room, a refused oversized paste, and a removed colleague whose console ends at once', async ({ browser }) => {
  const ownerContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const owner = await ownerContext.newPage();
  await signInFacilitator(owner);

  let projectUrl = '';
  const colleagueContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const colleague = await colleagueContext.newPage();
  await test.step('the owner invites a colleague, who registers and joins the project', async () => {
    await owner.getByRole('link', { name: /Arbeid først – understøttet av pålitelig forvaltning/ }).click();
    await expect(owner.getByRole('heading', { name: 'Foreløpige funn' })).toBeVisible();
    projectUrl = owner.url();
    await owner.getByRole('button', { name: 'Lag invitasjonslenke' }).click();
    const link = await owner.getByRole('textbox', { name: 'Lag invitasjonslenke' }).inputValue();
    expect(link).toContain('/invitasjon/');
    await colleague.goto(link);
    await colleague.getByLabel('Navn').fill('Kollega Kim');
    await colleague.getByLabel('E-post').fill(`kim-${Date.now()}@nav.example`);
    await colleague.getByLabel('Passord').fill('et-langt-passord-kim');
    await colleague.getByRole('button', { name: 'Opprett konto' }).click();
    await expect(colleague).toHaveURL(/\/prosjekter/);
    await expect(colleague.getByRole('link', { name: /Arbeid først – understøttet av pålitelig forvaltning/ })).toBeVisible();
  });

  let code = '';
  let consoleUrl = '';
  await test.step('the owner opens a live session and caps it at two participants', async () => {
    await owner.goto(projectUrl);
    await owner.getByLabel('Tittel på økten').fill('Økt med tak');
    await owner.getByRole('button', { name: 'Start live-økt' }).click();
    await expect(owner).toHaveURL(/\/live\//);
    consoleUrl = owner.url();
    code = ((await owner.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    await owner.getByLabel('Maks antall deltakere').fill('2');
    await owner.getByRole('button', { name: 'Lagre taket' }).click();
    await expect(owner.getByRole('button', { name: 'Lagre taket' })).toBeDisabled();
  });

  const first = await newParticipant(browser, PHONE);
  const second = await newParticipant(browser, LAPTOP);
  const third = await newParticipant(browser, PHONE);
  await test.step('two join; the third is told the room is full and keeps the name typed', async () => {
    await joinByCode(first, code, 'Siri');
    await expect(first.getByTestId('participant-identity')).toHaveText('Du deltar som Siri');
    await joinByCode(second, code, null);
    await expect(second.getByTestId('participant-identity')).toHaveText('Du deltar anonymt');
    await joinByCode(third, code, 'Tor');
    await expect(third.getByText('Økten er full. Fasilitator har satt et tak på antall deltakere.')).toBeVisible();
    await expect(third.getByLabel('Navn (valgfritt)')).toHaveValue('Tor');
    await third.screenshot(shot('hostile-session-full-phone'));
    // A participant who is already in comes back in, full or not.
    await first.reload();
    await expect(first.getByTestId('participant-identity')).toHaveText('Du deltar som Siri');
    await expect(owner.getByTestId('presence-count')).toHaveText('2 av 2 tilkoblet');
  });

  await test.step('a paste too large for the shared notes is refused; the writer keeps it, nobody else sees it', async () => {
    await expect(second.getByText('Lagret')).toBeVisible();
    await owner.getByTestId('shared-notes').fill('Dagens tema: samarbeid');
    await expect(second.getByTestId('shared-notes')).toHaveValue('Dagens tema: samarbeid');
    const huge = 'Lang tekst fra et annet system. '.repeat(2_500); // about 80 KB
    await second.getByTestId('shared-notes').fill(huge);
    await expect(second.getByText('Endringen er for stor til å lagres på én gang. Del teksten opp i mindre biter.')).toBeVisible();
    await expect(second.getByText('Din tekst, som ikke ble lagret (kopier det du vil beholde)')).toBeVisible();
    await second.screenshot(shot('hostile-refused-paste'));
    // Everyone else, and the writer's field after it resynced, hold what the server kept.
    await expect(second.getByTestId('shared-notes')).toHaveValue('Dagens tema: samarbeid');
    await expect(first.getByTestId('shared-notes')).toHaveValue('Dagens tema: samarbeid');
    await expect(owner.getByTestId('shared-notes')).toHaveValue('Dagens tema: samarbeid');
    // Writing goes on normally afterwards.
    await second.getByTestId('shared-notes').press('End');
    await second.getByTestId('shared-notes').pressSequentially(' og tillit');
    await expect(owner.getByTestId('shared-notes')).toHaveValue('Dagens tema: samarbeid og tillit');
  });

  await test.step('a removed colleague with the console open loses it at once', async () => {
    await colleague.goto(consoleUrl);
    await expect(colleague.getByTestId('join-code')).toBeVisible();
    await expect(colleague.getByTestId('presence-count')).toHaveText('2 av 2 tilkoblet');
    await owner.goto(projectUrl);
    await owner.getByRole('button', { name: 'Fjern Kollega Kim' }).click();
    await expect(owner.getByRole('button', { name: 'Fjern Kollega Kim' })).toBeHidden();
    await expect(colleague.getByText('Tilgangen din er avsluttet: du er ikke lenger med i prosjektet, eller du har logget ut. Last inn siden på nytt.')).toBeVisible();
    await colleague.screenshot(shot('hostile-access-ended'));
    // Reloading does not bring it back: the project is not theirs any more.
    await colleague.reload();
    await expect(colleague.getByTestId('join-code')).toBeHidden();
    await colleagueContext.close();
  });
});
