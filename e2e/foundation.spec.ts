import { expect, test } from '@playwright/test';
import { FACILITATOR, LAPTOP, PHONE, joinByCode } from './support/actors';
import { startOwnVerksted, type OwnVerksted } from './support/own-server';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: true });

// An empty installation of its own: first-run setup is what this spec shows, so it needs no
// other spec to run after it (or none before it) on the shared server.
let own: OwnVerksted;
test.beforeAll(async () => {
  own = await startOwnVerksted('foundation', { firstAccount: false });
});
test.afterAll(() => own?.close());

test('first run: setup, a project, a live session; phones join, the facilitator sees them, a reload keeps the participant', async ({ browser }) => {
  const facilitator = await own.device(browser, LAPTOP);

  await test.step('the landing page says what Verksted is and offers the join box', async () => {
    await facilitator.goto('/');
    await expect(facilitator.getByRole('heading', { level: 1, name: 'Verksted' })).toBeVisible();
    await expect(facilitator.getByRole('heading', { name: 'Bli med i en økt' })).toBeVisible();
    await facilitator.screenshot(shot('landing-desktop'));
  });

  await test.step('an empty installation leads to first-run setup', async () => {
    await facilitator.getByRole('link', { name: 'Logg inn' }).first().click();
    await expect(facilitator).toHaveURL(/\/oppsett$/);
    await facilitator.getByRole('button', { name: 'Opprett konto' }).click();
    await expect(facilitator.getByText('Fyll ut feltet.')).toBeVisible();
    await facilitator.getByLabel('Navn').fill(FACILITATOR.name);
    await facilitator.getByLabel('E-post').fill(FACILITATOR.email);
    await facilitator.getByLabel('Passord').fill('kort');
    await facilitator.getByRole('button', { name: 'Opprett konto' }).click();
    await expect(facilitator.getByText('Passordet må ha minst 10 tegn.')).toBeVisible();
    // A refused form keeps what was typed.
    await expect(facilitator.getByLabel('Navn')).toHaveValue(FACILITATOR.name);
    await facilitator.getByLabel('Passord').fill(FACILITATOR.password);
    await facilitator.getByRole('button', { name: 'Opprett konto' }).click();
    await expect(facilitator).toHaveURL(/\/prosjekter$/);
  });

  await test.step('the first account owns the demo project', async () => {
    const demo = facilitator.getByRole('link', { name: /Arbeid først – understøttet av pålitelig forvaltning/ });
    await expect(demo).toBeVisible();
    // A newcomer is told what to do first, in the words the buttons use.
    const guide = facilitator.getByRole('region', { name: 'Kom i gang: kjør demoverkstedet' });
    await expect(guide).toContainText('trykk Start verkstedet');
    await expect(guide.getByRole('link', { name: 'Åpne demoprosjektet' })).toHaveAttribute('href', /\/prosjekter\/[0-9a-f-]{36}$/);
    await facilitator.screenshot(shot('first-use-guide'));
    await demo.click();
    await expect(facilitator.getByRole('heading', { name: 'Foreløpige funn' })).toBeVisible();
    await expect(facilitator.locator('section[aria-labelledby="funn"] li')).toHaveCount(6);
    await expect(facilitator.getByRole('region', { name: 'Utsagn til Q-sortering' })).toContainText('36 utsagn');
    await expect(facilitator.locator('section[aria-labelledby="faser"] li')).toHaveCount(2);
    await facilitator.screenshot(shot('demo-project'));
  });

  await test.step('the facilitator creates a project with a phase', async () => {
    await facilitator.goto('/prosjekter');
    await facilitator.getByRole('button', { name: 'Nytt prosjekt' }).click();
    await facilitator.getByLabel('Prosjektnavn').fill('Kollegaveiledning i Nav Fana');
    await facilitator.getByLabel('Beskrivelse').fill('Følgeevaluering av kollegaveiledning som arbeidsform.');
    await facilitator.getByLabel(/Etikkgodkjenning/).fill('Sikt 123456');
    await facilitator.getByLabel('Samtykketekst').fill('Deltakelsen er frivillig og anonym.');
    await facilitator.getByRole('button', { name: 'Opprett prosjekt' }).click();
    await expect(facilitator.getByRole('heading', { level: 1, name: 'Kollegaveiledning i Nav Fana' })).toBeVisible();
    await facilitator.getByLabel('Navn på fasen').fill('Kartlegging');
    await facilitator.getByRole('button', { name: 'Legg til fase' }).click();
    await expect(facilitator.getByRole('heading', { level: 3, name: 'Kartlegging' })).toBeVisible();
    await facilitator.getByRole('button', { name: 'Rediger Kartlegging' }).click();
    const edit = facilitator.getByRole('form', { name: 'Rediger Kartlegging' });
    await edit.getByLabel('Navn på fasen').fill('');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await expect(edit.getByText('Fyll ut feltet.')).toBeVisible();
    await edit.getByLabel('Navn på fasen').fill('Kartlegging og intervjuer');
    await edit.getByLabel('Fra dato').fill('01.02.2027');
    await edit.getByLabel('Til dato').fill('30.04.2027');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await expect(facilitator.getByRole('heading', { level: 3, name: 'Kartlegging og intervjuer' })).toBeVisible();
    await expect(facilitator.getByText('1. feb. 2027 – 30. apr. 2027')).toBeVisible();
  });

  await test.step('the project pages work on a 360 px wide phone too', async () => {
    await facilitator.setViewportSize({ width: 360, height: 780 });
    await facilitator.screenshot(shot('project-phone-360'));
    const overflow = await facilitator.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await facilitator.setViewportSize(LAPTOP.viewport);
  });

  let code = '';
  await test.step('the facilitator opens a live session and gets a code and a QR code', async () => {
    await facilitator.getByLabel('Tittel på økten').fill('Verksted 1');
    await facilitator.getByRole('button', { name: 'Start live-økt' }).click();
    await expect(facilitator).toHaveURL(/\/live\//);
    const codeText = (await facilitator.getByTestId('join-code').textContent()) ?? '';
    code = codeText.replace(/\s/g, '');
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{9}$/);
    await expect(facilitator.getByRole('img', { name: /QR-kode/ })).toBeVisible();
    await expect(facilitator.getByText('Ingen har blitt med ennå.')).toBeVisible();
  });

  const kari = await own.device(browser, PHONE);
  await test.step('a participant on a phone joins by code with a name', async () => {
    await joinByCode(kari, code, 'Kari');
    await expect(kari.getByTestId('participant-identity')).toHaveText('Du deltar som Kari');
    await expect(kari.getByText('Deltakelsen er frivillig og anonym.')).toBeHidden();
    // The shared notes load as a part of their own: the picture shows the page once they are in.
    await expect(kari.getByTestId('shared-notes')).toBeVisible();
    await kari.screenshot(shot('participant-phone'));
  });

  await test.step('the facilitator sees the participant appear, connected', async () => {
    const row = facilitator.getByRole('list', { name: 'Deltakere' }).getByRole('listitem').filter({ hasText: 'Kari' });
    await expect(row).toContainText('Tilkoblet');
  });

  const anonymous = await own.device(browser, PHONE);
  const laptopParticipant = await own.device(browser, LAPTOP);
  await test.step('more participants join: one anonymous on a phone, one named on a laptop', async () => {
    await joinByCode(anonymous, code, null);
    await expect(anonymous.getByTestId('participant-identity')).toHaveText('Du deltar anonymt');
    await joinByCode(laptopParticipant, code, 'Per');
    await expect(laptopParticipant.getByTestId('participant-identity')).toHaveText('Du deltar som Per');
    await expect(facilitator.getByTestId('presence-count')).toHaveText('3 av 3 tilkoblet');
    await expect(facilitator.getByText('Anonym deltaker')).toBeVisible();
  });

  await test.step('a reloaded phone is still the same participant', async () => {
    const before = await facilitator.locator('[data-participant-id]').filter({ hasText: 'Kari' }).getAttribute('data-participant-id');
    await kari.reload();
    await expect(kari.getByTestId('participant-identity')).toHaveText('Du deltar som Kari');
    await expect(facilitator.getByTestId('presence-count')).toHaveText('3 av 3 tilkoblet');
    const rows = facilitator.locator('[data-participant-id]').filter({ hasText: 'Kari' });
    await expect(rows).toHaveCount(1);
    expect(await rows.getAttribute('data-participant-id')).toBe(before);
  });

  await test.step('the facilitator sees a participant leave and come back', async () => {
    await anonymous.context().setOffline(true);
    await expect(facilitator.getByTestId('presence-count')).toHaveText('2 av 3 tilkoblet', { timeout: 60_000 });
    await anonymous.context().setOffline(false);
    await expect(facilitator.getByTestId('presence-count')).toHaveText('3 av 3 tilkoblet', { timeout: 30_000 });
  });

  await test.step('a message from the facilitator reaches every phone', async () => {
    await facilitator.getByLabel('Melding til deltakerne').fill('Velkommen! Vi starter om to minutter.');
    await facilitator.getByRole('button', { name: 'Vis melding' }).click();
    for (const p of [kari, anonymous, laptopParticipant]) {
      await expect(p.getByTestId('facilitator-message')).toHaveText('Velkommen! Vi starter om to minutter.');
    }
  });

  await test.step('shared notes are edited live by facilitator and participants', async () => {
    await expect(facilitator.getByText('Lagret')).toBeVisible();
    await facilitator.getByTestId('shared-notes').fill('Tema: samarbeid');
    await expect(kari.getByTestId('shared-notes')).toHaveValue('Tema: samarbeid');
    await kari.getByTestId('shared-notes').press('End');
    await kari.getByTestId('shared-notes').pressSequentially(' og tillit');
    await expect(facilitator.getByTestId('shared-notes')).toHaveValue('Tema: samarbeid og tillit');
    await facilitator.screenshot(shot('facilitator-console'));
    await kari.screenshot(shot('participant-phone-live'));
  });

  await test.step('closing the door: joining closed, a new phone is refused with a clear message', async () => {
    // Server-authoritative: the switch flips when the server has committed the change.
    const joinOpen = facilitator.getByRole('checkbox', { name: 'Åpent for nye deltakere' });
    await joinOpen.click();
    await expect(joinOpen).not.toBeChecked();
    const late = await own.device(browser, PHONE);
    await joinByCode(late, code, null);
    await expect(late.getByText('Fasilitator har stengt for nye deltakere.')).toBeVisible();
    await late.context().close();
  });

  await test.step('ending the session tells everyone', async () => {
    await facilitator.getByRole('button', { name: 'Avslutt økten' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Avslutt økten' }).click();
    await expect(facilitator.getByText('Økten er avsluttet.')).toBeVisible();
    for (const p of [kari, anonymous, laptopParticipant]) {
      await expect(p.getByText('Økten er avsluttet. Takk for at du deltok!')).toBeVisible();
    }
  });

  await test.step('once a session has run, the projects page no longer guides', async () => {
    await facilitator.goto('/prosjekter');
    await expect(facilitator.getByRole('heading', { name: 'Prosjekter', level: 1 })).toBeVisible();
    await expect(facilitator.getByTestId('first-use-guide')).toHaveCount(0);
  });

  await test.step('English is chosen in the language menu, and bokmål again', async () => {
    await facilitator.goto('/');
    await facilitator.getByRole('button', { name: 'Språk: Bokmål' }).click();
    await facilitator.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(facilitator.getByRole('heading', { name: 'Join a session' })).toBeVisible();
    await facilitator.getByRole('button', { name: 'Language: English' }).click();
    await facilitator.getByRole('menuitemradio', { name: 'Bokmål' }).click();
    await expect(facilitator.getByRole('heading', { name: 'Bli med i en økt' })).toBeVisible();
  });
});
