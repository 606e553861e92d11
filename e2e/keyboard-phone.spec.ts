import { expect, test, type Locator, type Page } from '@playwright/test';
import { LAPTOP, PHONE } from './support/actors';
import { signInFacilitator, startDemoWorkshop, startProgramme } from './support/facilitator';

/**
 * A participant who uses a keyboard (a switch device or a keyboard paired with the phone) gets
 * through the findings round, the group board and the closing round at phone size without a
 * single tap. The laptop's keyboard-only Q-sort is in qsort-keyboard.spec.ts.
 */

/** Presses Tab (Shift+Tab when `back`) until `target` has the focus, as a keyboard user moves. */
async function tabTo(page: Page, target: Locator, back = false) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

test('a phone participant answers the findings, writes on the board and fills in the closing round by keyboard alone', async ({ browser }) => {
  test.setTimeout(300_000);
  const facilitator = await (await browser.newContext({ ...LAPTOP, locale: 'nb-NO' })).newPage();
  await signInFacilitator(facilitator);
  const code = await startDemoWorkshop(facilitator);
  const phone = await (await browser.newContext({ ...PHONE, locale: 'nb-NO' })).newPage();

  await test.step('joins: the consent box and the join button by Tab, Space and Enter', async () => {
    await phone.goto(`/delta/${code}`);
    const consent = phone.getByRole('checkbox', { name: 'Jeg har lest og samtykker' });
    if (await consent.isVisible()) {
      await tabTo(phone, consent);
      await phone.keyboard.press('Space');
      await expect(consent).toBeChecked();
    }
    await tabTo(phone, phone.getByRole('button', { name: 'Bli med' }));
    await phone.keyboard.press('Enter');
    await expect(phone.getByText('Du deltar anonymt')).toBeVisible();
  });

  await test.step('the findings round: a response and a comment on every finding', async () => {
    const total = await startProgramme(facilitator);
    for (let i = 1; i <= total; i++) {
      await expect(facilitator.getByText(`Funn ${i} av ${total}`)).toBeVisible();
      const radios = phone.getByRole('radio');
      await expect(radios.first()).toBeVisible();
      // Tab enters the group at its first option; an arrow key moves and chooses.
      await tabTo(phone, radios.first());
      await phone.keyboard.press(i % 2 ? 'Space' : 'ArrowDown');
      await expect(radios.nth(i % 2 ? 0 : 1)).toBeChecked();
      await tabTo(phone, phone.getByLabel('Kommentar (valgfritt)'));
      await phone.keyboard.type(`Kommentar ${i} skrevet med tastaturet.`);
      await tabTo(phone, phone.getByRole('button', { name: 'Send' }));
      await phone.keyboard.press('Enter');
      await expect(phone.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeVisible();
      await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    }
  });

  await test.step('the group board: a note written and added with the keyboard', async () => {
    await expect(facilitator.getByTestId('current-activity')).toContainText('Grupperefleksjon');
    await facilitator.getByRole('button', { name: 'Avslutt stille skriving' }).click();
    await expect(phone.getByTestId('board')).toHaveAttribute('data-status', 'synced');
    await tabTo(phone, phone.getByLabel('Tekst på lappen'));
    await phone.keyboard.type('Vi trenger tid til oppfølging');
    await tabTo(phone, phone.getByRole('button', { name: 'Legg til lapp' }));
    await phone.keyboard.press('Enter');
    await expect(phone.getByTestId('board').getByText('Vi trenger tid til oppfølging')).toBeVisible();
    await expect(facilitator.getByText('Vi trenger tid til oppfølging').first()).toBeVisible();
  });

  await test.step('the closing round: every scale chosen with arrow keys, sent with Enter', async () => {
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(facilitator.getByTestId('current-activity')).toContainText('Plenum');
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    const questions = ['Hvor nyttig var verkstedet for deg?', 'Hvor godt fikk du fram dine synspunkter?', 'Hvor godt kjente du deg igjen i funnene?'];
    for (const q of questions) {
      const group = phone.getByRole('radiogroup', { name: q });
      await tabTo(phone, group.getByRole('radio').first());
      await phone.keyboard.press('Space');
      for (let k = 0; k < 3; k++) await phone.keyboard.press('ArrowRight');
      await expect(group.getByRole('radio', { name: '3' })).toBeChecked();
    }
    await tabTo(phone, phone.getByRole('button', { name: 'Send' }));
    await phone.keyboard.press('Enter');
    await expect(phone.getByText('Takk! Svarene dine er lagret.')).toBeVisible();
  });
});
