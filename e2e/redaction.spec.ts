import { expect, test, type Page } from '@playwright/test';
import { joinAnonymously, LAPTOP, PHONE } from './support/actors';
import { signInFacilitator, startDemoWorkshop } from './support/facilitator';
import { startOwnVerksted, type OwnVerksted } from './support/own-server';
import { openBigScreen } from './support/big-screen';

const MARKER = '[Fjernet av fasilitator]';

async function answer(page: Page, comment: string) {
  await page.getByRole('radio', { name: 'Nyanserer' }).check();
  await page.getByLabel('Kommentar (valgfritt)').fill(comment);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeVisible();
}

test('a facilitator redacts a revealed comment; a participant withdraws everything they wrote', async ({ browser }) => {
  test.setTimeout(240_000);
  // Its own server: the demo workshop it runs stays open, and the shared server's workshop specs start it afresh.
  const own: OwnVerksted = await startOwnVerksted('redaction');
  try {
    const facilitator = await own.device(browser, LAPTOP);
    await signInFacilitator(facilitator);

    let code = '';
    await test.step('the facilitator starts the demo workshop and the screen follows', async () => {
      code = await startDemoWorkshop(facilitator);
    });
    const screen = await openBigScreen(facilitator);

    const people = [await own.device(browser, PHONE), await own.device(browser, PHONE), await own.device(browser, PHONE)];
    const [a, b, c] = people as [Page, Page, Page];
    for (const p of people) await joinAnonymously(p, code);

    const secret = 'Saken til naboen min i Storgata';
    await test.step('three answer the first finding, one with a comment that should not be shown', async () => {
      await facilitator.getByRole('button', { name: 'Start programmet' }).click();
      await answer(a, secret);
      await answer(b, 'Gjelder ikke alle kontor');
      await answer(c, 'Kjenner det igjen');
      await facilitator.getByRole('checkbox', { name: 'Vis resultater' }).click();
      for (const page of [screen, b]) await expect(page.getByText(secret)).toBeVisible();
    });

    await test.step('the facilitator removes it: gone from the screen and the phones, a marker instead', async () => {
      const comment = facilitator.getByRole('listitem').filter({ hasText: secret });
      await comment.getByRole('button', { name: 'Fjern' }).click();
      const dialog = facilitator.getByRole('dialog', { name: 'Fjerne teksten?' });
      await dialog.getByRole('button', { name: 'Ja, fjern' }).click();
      await expect(dialog).toBeHidden();
      for (const page of [facilitator, screen, a, b, c]) {
        const results = page.getByTestId('results');
        await expect(results.getByText(secret)).toBeHidden();
        await expect(results.getByText(MARKER)).toBeVisible();
      }
      await expect(screen.getByText('Gjelder ikke alle kontor')).toBeVisible();
      // The writer's own form held the text until now: without a reload it lets go of it and says why.
      await expect(a.getByText('Fasilitator har fjernet teksten din. Resten av svaret ditt er lagret.')).toBeVisible();
      await expect(a.getByLabel('Kommentar (valgfritt)')).toHaveValue('');
      await expect(a.getByText(secret)).toBeHidden();
      await a.reload();
      await expect(a.getByLabel('Kommentar (valgfritt)')).toHaveValue('');
    });

    await test.step('the writer changes only the answer and sends: the removed text does not come back', async () => {
      await a.getByRole('radio', { name: 'Avkrefter' }).check();
      await a.getByRole('button', { name: 'Send' }).click();
      await expect(a.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeVisible();
      await expect(facilitator.getByTestId('results').getByText(MARKER)).toBeVisible();
      for (const page of [facilitator, screen, b]) await expect(page.getByText(secret)).toBeHidden();
    });

    await test.step('a participant withdraws everything from the phone and can go on', async () => {
      await b.getByRole('button', { name: 'Trekk tilbake alt jeg har skrevet' }).click();
      const dialog = b.getByRole('dialog', { name: 'Trekke tilbake alt du har skrevet?' });
      await dialog.getByRole('button', { name: 'Ja, slett' }).click();
      await expect(b.getByText('Alt du har skrevet i denne økten er slettet. Du kan fortsette å delta.')).toBeVisible();
      await expect(facilitator.getByText('2 svar')).toBeVisible();
      for (const page of [facilitator, a, c]) await expect(page.getByText('Gjelder ikke alle kontor')).toBeHidden();
      await expect(b.getByLabel('Kommentar (valgfritt)')).toHaveValue('');
      await answer(b, 'Nytt svar etterpå');
    });

    await test.step('the facilitator deletes Deltaker 3’s contributions from the participant list', async () => {
      await facilitator.getByRole('button', { name: 'Slett bidrag fra deltaker 3' }).click();
      const dialog = facilitator.getByRole('dialog', { name: 'Slette bidragene til deltaker 3?' });
      await dialog.getByRole('button', { name: 'Ja, slett' }).click();
      await expect(facilitator.getByText('Bidragene til deltaker 3 er slettet.')).toBeVisible();
      await expect(facilitator.getByText('Kjenner det igjen')).toBeHidden();
    });
  } finally {
    await own.close();
  }
});
