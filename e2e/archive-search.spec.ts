import { expect, test, type Page } from '@playwright/test';
import { joinAnonymously, LAPTOP, PHONE } from './support/actors';
import { signInFacilitator, startDemoWorkshop } from './support/facilitator';
import { startOwnVerksted, type OwnVerksted } from './support/own-server';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: true });
const NOTE = 'Veilederne trenger mer tid til oppfølging';
const TAG = 'Tid og kapasitet';

/** The hit card holding `text` on the Tilbakemeldinger page. */
const hitWith = (page: Page, text: string) => page.getByTestId('archive-hit').filter({ hasText: text });

test('after a workshop the facilitator finds a board note by an inflected word, tags it and sees it under its tag', async ({ browser }) => {
  test.setTimeout(300_000);
  // Its own server: the demo workshop it ends stays ended, and the shared server's workshop specs start it afresh.
  const own: OwnVerksted = await startOwnVerksted('archive-search');
  try {
    const facilitator = await own.device(browser, LAPTOP);
    await signInFacilitator(facilitator);
    let code = '';
    await test.step('a short workshop: one participant writes a note on the group board', async () => {
      code = await startDemoWorkshop(facilitator);
      const phone = await own.device(browser, PHONE);
      await joinAnonymously(phone, code);
      await facilitator.getByRole('button', { name: 'Start programmet' }).click();
      await expect(facilitator.getByTestId('current-activity')).toBeVisible();
      // Straight to the group reflection from the agenda: a loop of 'Neste' that looked between clicks
      // could read the heading before the click had landed and step past it on a loaded machine.
      await facilitator.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: /Grupperefleksjon/ }).click();
      await expect(facilitator.getByTestId('current-activity')).toContainText('Grupperefleksjon');
      await expect(phone.getByTestId('board')).toHaveAttribute('data-status', 'synced');
      await phone.getByLabel('Tekst på lappen').fill(NOTE);
      await phone.getByRole('button', { name: 'Legg til lapp' }).click();
      await expect(phone.getByTestId('note')).toHaveCount(1);
      await facilitator.getByRole('button', { name: 'Avslutt stille skriving' }).click();
      await expect(facilitator.getByText(NOTE).first()).toBeVisible();
      await facilitator.getByRole('button', { name: 'Avslutt økten' }).click();
      await facilitator.getByRole('dialog').getByRole('button', { name: 'Avslutt økten' }).click();
      await expect(phone.getByText('Økten er avsluttet. Takk for at du deltok!')).toBeVisible();
    });

    const projectPath = new URL(facilitator.url()).pathname.replace(/\/live\/.*$/, '');
    await test.step('on Tilbakemeldinger, "veileder" finds the note that says "Veilederne"', async () => {
      await facilitator.goto(`${projectPath}/tilbakemeldinger`);
      const search = facilitator.getByRole('search', { name: 'Søk i alle tilbakemeldinger' });
      await search.getByLabel('Søkeord').fill('veileder');
      await search.getByRole('button', { name: 'Søk' }).click();
      await expect(facilitator).toHaveURL(/sok=veileder/);
      // The board is archived as the session ends; a slow machine may need a moment.
      await expect(async () => {
        await facilitator.reload();
        await expect(hitWith(facilitator, NOTE)).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
      await expect(hitWith(facilitator, NOTE)).toContainText('Notat');
      await expect(hitWith(facilitator, NOTE)).toContainText('Anonym');
    });

    await test.step('the facilitator tags it', async () => {
      const hit = hitWith(facilitator, NOTE);
      await hit.getByRole('button', { name: 'Legg til tagg' }).click();
      await hit.getByLabel('Tagg (tema eller forskningsspørsmål)').fill(TAG);
      await hit.getByRole('button', { name: 'Legg til tagg' }).click();
      await expect(hit.getByRole('button', { name: `${TAG} slett` })).toBeVisible();
      await facilitator.screenshot(shot('archive-search'));
    });

    await test.step('the tag view groups the note under its tag, and the tag filters the search', async () => {
      await facilitator.getByRole('link', { name: 'Se tagger (1)' }).click();
      await expect(facilitator.getByRole('heading', { level: 1, name: 'Tagger' })).toBeVisible();
      const group = facilitator.getByRole('region', { name: TAG });
      await expect(group.getByText(NOTE)).toBeVisible();
      await expect(group.getByText('1 bidrag')).toBeVisible();
      await facilitator.screenshot(shot('archive-tag-view'));
      await group.getByRole('link', { name: 'Vis i søket' }).click();
      await expect(facilitator).toHaveURL(/tagg=/);
      await expect(facilitator.getByTestId('archive-hit')).toHaveCount(1);
      await expect(hitWith(facilitator, NOTE)).toBeVisible();
    });

    await test.step('the timeline shows the workshop with what it left behind', async () => {
      await facilitator.getByRole('link', { name: 'Tidslinje' }).click();
      await expect(facilitator.getByRole('heading', { level: 1, name: 'Prosjektets tidslinje' })).toBeVisible();
      const workshop = facilitator.getByRole('article', { name: /Utviklingsverksted 1/ });
      await expect(workshop.getByText('Notat: 1')).toBeVisible();
      await facilitator.screenshot(shot('archive-timeline'));
    });
  } finally {
    await own.close();
  }
});
