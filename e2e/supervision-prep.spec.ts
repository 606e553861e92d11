import { expect, test, type Page } from '@playwright/test';
import { LAPTOP, PHONE } from './support/actors';
import { signInFacilitator } from './support/facilitator';

const GROUP = 'Sørby-gruppa, tirsdager';
const STANDARD = 'Kollegaveiledning – fem runder';
// A copy is edited, so the standard template stays as it is for the live kollegaveiledning spec.
const TEMPLATE = 'Nordby – fem runder og avtaler';
const round = (page: Page, number: number, name: string) => page.getByRole('group', { name: `Runde ${number}: ${name}` });

/** The page fits its width: nothing sticks out sideways (checked at phone size). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('prepare kollegaveiledning: edit a template round by round, create a group and start its meeting', async ({ browser }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const page = await context.newPage();
  await signInFacilitator(page);
  let supervisionUrl = '';

  await test.step('the project page leads to Kollegaveiledning with the three built-in templates', async () => {
    await page.getByRole('link', { name: /Arbeid først/ }).first().click();
    await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Kollegaveiledning' })).toBeVisible();
    await page.getByRole('link', { name: 'Grupper og maler' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kollegaveiledning' })).toBeVisible();
    supervisionUrl = page.url();
    for (const name of [STANDARD, 'Reflekterende team', 'Kort kollegaveiledning (30 min)']) {
      await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    }
  });

  await test.step('a new template starts as a copy of the standard one, in the editor', async () => {
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Ny mal' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Kopi av ${STANDARD}` })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('template-total')).toHaveText('40 min');
    await page.getByLabel('Navn på malen').fill(TEMPLATE);
    await page.getByRole('checkbox', { name: 'Veiledningsleder kan hoppe over runder' }).check();
  });

  await test.step('a round gets more minutes, a new round is added and moved up by keyboard; saved, it is kept', async () => {

    await round(page, 2, 'Oppklarende spørsmål').getByLabel('Minutter').fill('7');
    await page.getByRole('button', { name: 'Legg til runde' }).click();
    // Focus goes to the new round's name, so it can be typed at once.
    await expect(round(page, 6, 'Ny runde').getByLabel('Navn på runden')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Avtaler til neste gang');
    const added = round(page, 6, 'Avtaler til neste gang');
    await added.getByLabel('Minutter').fill('10');
    await added.getByLabel('Hvem har ordet').selectOption({ label: 'Alle' });
    await added.getByRole('checkbox', { name: /Tur for tur/ }).check();
    await added.getByRole('button', { name: 'Flytt «Avtaler til neste gang» opp' }).focus();
    await page.keyboard.press('Enter');
    await expect(round(page, 5, 'Avtaler til neste gang')).toBeVisible();
    // Focus stays with the round that moved, so it can be moved again.
    await expect(round(page, 5, 'Avtaler til neste gang').getByRole('button', { name: 'Flytt «Avtaler til neste gang» opp' })).toBeFocused();
    await expect(round(page, 6, 'Oppsummering')).toBeVisible();
    await expect(page.getByTestId('template-total')).toHaveText('52 min');

    await page.getByRole('button', { name: 'Lagre malen' }).click();
    await expect(page.getByText('Malen er lagret.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: TEMPLATE })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Veiledningsleder kan hoppe over runder' })).toBeChecked();
    await expect(round(page, 5, 'Avtaler til neste gang')).toBeVisible();
    await expect(round(page, 2, 'Oppklarende spørsmål').getByLabel('Minutter')).toHaveValue('7');
    await expect(round(page, 5, 'Avtaler til neste gang').getByLabel('Hvem har ordet')).toHaveValue('all');
    await expect(round(page, 5, 'Avtaler til neste gang').getByRole('checkbox', { name: /Tur for tur/ })).toBeChecked();
    await expect(page.getByTestId('template-total')).toHaveText('52 min');
  });

  await test.step('a bad value is refused with a translated message and the text typed stays', async () => {
    await page.waitForLoadState('networkidle');
    const first = round(page, 1, 'Saksframlegg');
    await first.getByLabel('Veiledning').fill('Saksholder forteller kort, uten navn på brukeren.');
    await first.getByLabel('Minutter').fill('0');
    await page.getByRole('button', { name: 'Lagre malen' }).click();
    // The error summary takes focus; its link leads to the field.
    await page.getByRole('link', { name: 'Runde 1, Minutter: Skriv et helt antall minutter fra 1 til 120.' }).click();
    await expect(first.getByLabel('Minutter')).toBeFocused();
    await expect(first.getByText('Skriv et helt antall minutter fra 1 til 120.')).toBeVisible();
    await expect(first.getByLabel('Veiledning')).toHaveValue('Saksholder forteller kort, uten navn på brukeren.');
    await expect(first.getByLabel('Minutter')).toHaveValue('0');
    // Viewport shots: the sticky save bar would float mid-page in a full-page one.
    await page.screenshot({ path: 'docs/screenshots/supervision-template-error.png' });

    // Fixed, the message goes away and the save goes through.
    await first.getByLabel('Minutter').fill('8');
    await expect(first.getByText('Skriv et helt antall minutter fra 1 til 120.')).toBeHidden();
    await page.getByRole('button', { name: 'Lagre malen' }).click();
    await expect(page.getByText('Malen er lagret.')).toBeVisible();
    await round(page, 5, 'Avtaler til neste gang').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/supervision-template-editor.png' });
  });

  await test.step('a group is created with the edited template, and its meeting opens the live console', async () => {
    await page.getByRole('navigation', { name: 'Brødsmulesti' }).getByRole('link', { name: 'Kollegaveiledning' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kollegaveiledning' })).toBeVisible();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: TEMPLATE }) });
    await expect(card.getByText('6 runder')).toBeVisible();
    await expect(card.getByText('50 min')).toBeVisible();
    await page.waitForLoadState('networkidle');

    await page.getByRole('button', { name: 'Opprett gruppe' }).click();
    await expect(page.getByLabel('Navn på gruppen')).toHaveAccessibleDescription(/Fyll ut feltet/);
    await page.getByLabel('Navn på gruppen').fill(GROUP);
    await page.getByLabel('Mal', { exact: true }).selectOption({ label: TEMPLATE });
    await page.getByRole('button', { name: 'Opprett gruppe' }).click();
    await expect(page.getByText(`Gruppen «${GROUP}» er opprettet.`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: GROUP })).toBeVisible();
    const group = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: GROUP }) });
    await expect(group.getByText('Ingen møter ennå')).toBeVisible();
    await expect(group.getByText(`Mal: ${TEMPLATE}`)).toBeVisible();
    await page.screenshot({ path: 'docs/screenshots/supervision-prep.png', fullPage: true });

    await page.getByRole('button', { name: `Start møte for ${GROUP}` }).click();
    await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}\/live\/[0-9a-f-]{36}$/);
    const consoleUrl = page.url();

    await page.goto(supervisionUrl);
    await expect(group.getByText('1 møte')).toBeVisible();
    await page.getByRole('link', { name: `Gå til pågående møte for ${GROUP}` }).click();
    await expect(page).toHaveURL(consoleUrl);
  });

  await test.step('the project feedback lists the meeting, newest first', async () => {
    await page.goto(supervisionUrl.replace(/\/kollegaveiledning$/, '/tilbakemeldinger'));
    await expect(page.getByRole('heading', { level: 1, name: 'Tilbakemeldinger' })).toBeVisible();
    const meeting = page.getByRole('article', { name: GROUP });
    await expect(meeting).toBeVisible();
    await expect(meeting.getByText('Pågår')).toBeVisible();
    await expect(meeting.getByText(`Mal: ${TEMPLATE}`)).toBeVisible();
    await page.getByRole('link', { name: 'Kollegaveiledning', exact: true }).click();
    await expect(page).toHaveURL(/\?vis=kollegaveiledning$/);
    await expect(page.getByRole('link', { name: 'Kollegaveiledning', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(meeting).toBeVisible();
  });

  await test.step('on a phone (390 × 844) the pages fit and every control is reachable', async () => {
    const phoneContext = await browser.newContext({ ...PHONE, locale: 'nb-NO' });
    const phone = await phoneContext.newPage();
    await signInFacilitator(phone);
    await phone.goto(supervisionUrl);
    await expect(phone.getByRole('heading', { level: 1, name: 'Kollegaveiledning' })).toBeVisible();
    await expectNoSidewaysScroll(phone);
    await expect(phone.getByRole('link', { name: `Gå til pågående møte for ${GROUP}` })).toBeVisible();
    await phone.screenshot({ path: 'docs/screenshots/supervision-prep-phone.png', fullPage: true });

    await phone.getByRole('link', { name: `Rediger «${TEMPLATE}»` }).click();
    await expect(phone.getByRole('heading', { level: 1, name: TEMPLATE })).toBeVisible();
    await expectNoSidewaysScroll(phone);
    const moveUp = round(phone, 5, 'Avtaler til neste gang').getByRole('button', { name: 'Flytt «Avtaler til neste gang» opp' });
    await moveUp.scrollIntoViewIfNeeded();
    await expect(moveUp).toBeInViewport();
    await expect(phone.getByRole('button', { name: 'Lagre malen' })).toBeInViewport();
    await phone.screenshot({ path: 'docs/screenshots/supervision-template-phone.png' });
    await phoneContext.close();
  });

  await context.close();
});
