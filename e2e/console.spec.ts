import { expect, test, type Page } from '@playwright/test';
import { joinAnonymously, LAPTOP, PHONE, TABLET, newParticipant } from './support/actors';
import { signInFacilitator, startDemoWorkshop } from './support/facilitator';
import { PROJECTOR } from './support/big-screen';

const shot = (name: string, fullPage = false) => ({ path: `docs/screenshots/${name}.png`, fullPage });

/** The facilitator's current step, as the console's heading names it. */
const current = (facilitator: Page) => facilitator.getByTestId('current-activity');

test('the control room: a workshop run by keyboard, the screen in one click, notes dragged and keyed into themes, voting only once started', async ({ browser }) => {
  test.setTimeout(300_000);
  const facilitatorContext = await browser.newContext({ ...LAPTOP, locale: 'nb-NO' });
  const facilitator = await facilitatorContext.newPage();
  await signInFacilitator(facilitator);
  const code = await startDemoWorkshop(facilitator);

  let screen: Page | null = null;
  await test.step('one click opens the big screen in its own window', async () => {
    const popup = facilitator.waitForEvent('popup');
    await facilitator.getByRole('button', { name: 'Åpne storskjerm' }).click();
    screen = await popup;
    await screen.setViewportSize(PROJECTOR);
    await expect(screen).toHaveURL(/\/skjerm\//);
    await expect(screen.getByTestId('screen-code')).toBeVisible();
  });

  const phones = [await newParticipant(browser, PHONE), await newParticipant(browser, PHONE)];
  for (const p of phones) await joinAnonymously(p, code);

  await test.step('"?" lists the shortcuts; the buttons name their keys', async () => {
    await facilitator.keyboard.press('?');
    const help = facilitator.getByRole('dialog', { name: 'Hurtigtaster i konsollen' });
    await expect(help).toBeVisible();
    await expect(help.getByTestId('shortcut-list')).toContainText('Neste steg');
    await expect(help.getByTestId('shortcut-list')).toContainText('Åpne storskjermen');
    await expect(help.getByTestId('shortcut-list')).toContainText('Neste side på storskjermen');
    await facilitator.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(facilitator.getByRole('button', { name: 'Start programmet' })).toHaveAttribute('aria-keyshortcuts', 'ArrowRight N');
    await expect(facilitator.getByRole('checkbox', { name: 'Vis resultater' })).toHaveAttribute('aria-keyshortcuts', 'R');
  });

  await test.step('→ starts the agenda, N and P step through the findings', async () => {
    const findingOf = (n: number) => facilitator.getByText(`Funn ${n} av 6`, { exact: true }).first();
    await facilitator.keyboard.press('ArrowRight');
    await expect(current(facilitator)).toContainText('Funnrunde');
    await expect(findingOf(1)).toBeVisible();
    await facilitator.keyboard.press('n');
    await expect(findingOf(2)).toBeVisible();
    await facilitator.keyboard.press('p');
    await expect(findingOf(1)).toBeVisible();
    await facilitator.keyboard.press('r');
    await expect(facilitator.getByRole('checkbox', { name: 'Vis resultater' })).toBeChecked();
    await facilitator.keyboard.press('ArrowLeft');
    await expect(current(facilitator)).toHaveText('Programmet er ikke startet.');
    for (let i = 1; i <= 6; i++) {
      await facilitator.keyboard.press(i === 1 ? 'ArrowRight' : 'N');
      await expect(findingOf(i)).toBeVisible();
    }
    await facilitator.keyboard.press('N');
    await expect(current(facilitator)).toContainText('Grupperefleksjon');
    await facilitator.screenshot(shot('console-room'));
  });

  const [a, b] = phones as [Page, Page];
  await test.step('T pauses and resumes the timer; the phones write a note each', async () => {
    await expect(facilitator.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute('aria-keyshortcuts', 'T');
    await facilitator.keyboard.press('t');
    await expect(facilitator.getByTestId('countdown-paused')).toBeVisible();
    await facilitator.keyboard.press('T');
    await expect(facilitator.getByTestId('countdown-paused')).toBeHidden();
    for (const [p, text] of [[a, 'Tid til oppfølging mangler'], [b, 'Kollegaveiledning gir trygghet']] as const) {
      await expect(p.getByTestId('board')).toHaveAttribute('data-status', 'synced');
      await p.getByLabel('Tekst på lappen').fill(text);
      await p.getByRole('button', { name: 'Legg til lapp' }).click();
      await expect(p.getByText(text)).toBeVisible();
    }
    await facilitator.getByRole('button', { name: 'Avslutt stille skriving' }).click();
    await expect(a.getByText('Kollegaveiledning gir trygghet')).toBeVisible();
    await facilitator.keyboard.press('ArrowRight');
    await expect(current(facilitator)).toContainText('Plenum');
  });

  await test.step('themes typed in a field move nothing: letters there are text, not shortcuts', async () => {
    for (const theme of ['Tid og kapasitet', 'Samarbeid og språk']) {
      const name = facilitator.getByLabel('Navn på temaet');
      await name.click();
      await name.pressSequentially(theme);
      await name.press('Enter');
      await expect(facilitator.getByTestId('cluster').filter({ hasText: theme })).toBeVisible();
    }
    await expect(current(facilitator)).toContainText('Plenum');
    await expect(facilitator.getByRole('checkbox', { name: 'Vis resultater' })).not.toBeChecked();
    await expect(facilitator.getByTestId('plenary-note')).toHaveCount(2);
  });

  await test.step('a note dragged with the pointer, another moved by its number key', async () => {
    const board = facilitator.getByTestId('unsorted');
    await board.scrollIntoViewIfNeeded();
    const note = board.getByTestId('plenary-note').filter({ hasText: 'Tid til oppfølging mangler' });
    const from = (await note.boundingBox())!;
    const to = (await facilitator.getByTestId('cluster').filter({ hasText: 'Tid og kapasitet' }).boundingBox())!;
    await facilitator.mouse.move(from.x + 14, from.y + from.height / 2);
    await facilitator.mouse.down();
    await facilitator.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await expect(facilitator.getByTestId('cluster').filter({ hasText: 'Tid og kapasitet' })).toHaveAttribute('data-over', 'true');
    await facilitator.mouse.up();
    await expect(facilitator.getByTestId('cluster').filter({ hasText: 'Tid og kapasitet' }).getByTestId('plenary-note')).toContainText('Tid til oppfølging mangler');
    await expect(facilitator.getByTestId('board-announcement')).toHaveText('«Tid til oppfølging mangler» er lagt i «Tid og kapasitet».');

    const keyed = facilitator.getByTestId('plenary-note').filter({ hasText: 'Kollegaveiledning gir trygghet' });
    await keyed.focus();
    await facilitator.keyboard.press('2');
    await expect(facilitator.getByTestId('cluster').filter({ hasText: 'Samarbeid og språk' }).getByTestId('plenary-note')).toContainText('Kollegaveiledning gir trygghet');
    await expect(facilitator.getByTestId('board-announcement')).toHaveText('«Kollegaveiledning gir trygghet» er lagt i «Samarbeid og språk».');
    // Focus follows the note to its new place, so the next key moves it again.
    await expect(keyed).toBeFocused();
    await expect(facilitator.getByTestId('unsorted')).toContainText('Alle lappene har fått et tema.');
  });

  await test.step('the screen shows each theme once, with its notes under it', async () => {
    const s = screen!;
    await expect(s.getByTestId('screen-cluster')).toHaveText(['Tid og kapasitet', 'Samarbeid og språk']);
    for (const [theme, text] of [['Tid og kapasitet', 'Tid til oppfølging mangler'], ['Samarbeid og språk', 'Kollegaveiledning gir trygghet']] as const) {
      await expect(s.getByText(theme, { exact: true })).toHaveCount(1);
      const card = s.locator('article').filter({ has: s.getByTestId('screen-cluster').filter({ hasText: theme }) });
      await expect(card.getByTestId('screen-note')).toHaveText([text]);
    }
    await s.screenshot(shot('console-screen-plenary'));
  });

  await test.step('on a tablet, a finger drags a note from one theme into another', async () => {
    // The same facilitator on a touch tablet. Chromium turns the touch points sent over CDP into
    // Pointer Events of type "touch", as a real finger's.
    const tabletContext = await browser.newContext({ ...TABLET, locale: 'nb-NO', storageState: await facilitatorContext.storageState() });
    const tablet = await tabletContext.newPage();
    await tablet.goto(facilitator.url());
    const theme = (name: string) => tablet.getByTestId('cluster').filter({ hasText: name });
    const note = theme('Samarbeid og språk').getByTestId('plenary-note');
    await note.scrollIntoViewIfNeeded();
    const from = (await note.boundingBox())!;
    const to = (await theme('Tid og kapasitet').boundingBox())!;
    const finger = await tabletContext.newCDPSession(tablet);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
      finger.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const [x0, y0, x1, y1] = [from.x + 14, from.y + from.height / 2, to.x + to.width / 2, to.y + to.height / 2];
    await touch('touchStart', x0, y0);
    for (let i = 1; i <= 12; i++) await touch('touchMove', x0 + ((x1 - x0) * i) / 12, y0 + ((y1 - y0) * i) / 12);
    await expect(theme('Tid og kapasitet')).toHaveAttribute('data-over', 'true');
    await touch('touchEnd');
    await expect(theme('Tid og kapasitet').getByTestId('plenary-note')).toHaveCount(2);
    await expect(theme('Tid og kapasitet').getByTestId('plenary-note').filter({ hasText: 'Kollegaveiledning gir trygghet' })).toBeVisible();
    await expect(theme('Samarbeid og språk').getByTestId('plenary-note')).toHaveCount(0);
    // The move is the room's: the laptop console shows it too.
    await expect(facilitator.getByTestId('cluster').filter({ hasText: 'Tid og kapasitet' }).getByTestId('plenary-note')).toHaveCount(2);
    await tabletContext.close();
  });

  await test.step('phones offer no dots until the facilitator starts the vote', async () => {
    for (const p of phones) {
      await expect(p.getByTestId('voting-waiting')).toBeVisible();
      await expect(p.getByRole('button', { name: /^Gi en prikk/ })).toHaveCount(0);
    }
    await expect(facilitator.getByTestId('voting-status')).toHaveText('Ikke startet');
    await facilitator.getByRole('button', { name: 'Start avstemning' }).click();
    await expect(facilitator.getByTestId('voting-status')).toHaveText('Pågår');
    for (const p of phones) {
      await p.getByRole('button', { name: 'Gi en prikk til Tid og kapasitet' }).click();
      await expect(p.getByTestId('dots-left')).toHaveText('Du har 2 prikker igjen av 3');
    }
    await expect(facilitator.getByTestId('plenary-voting')).toContainText('2 har stemt');
    await facilitator.screenshot(shot('console-plenary-board'));
    await facilitator.getByTestId('plenary-voting').screenshot(shot('console-voting'));
    await a.screenshot(shot('console-phone-voting'));
    await facilitator.getByRole('button', { name: 'Avslutt avstemning' }).click();
    await expect(facilitator.getByTestId('voting-status')).toHaveText('Avsluttet');
    await expect(a.getByTestId('voting-waiting')).toHaveText('Prikkstemmingen er avsluttet. Takk for prikkene dine!');
    await expect(a.getByRole('button', { name: /^Gi en prikk/ })).toHaveCount(0);
  });

  await test.step('more themes than the screen holds: the console turns its pages, by Page Down and by button', async () => {
    const s = screen!;
    for (const theme of ['Brukermøtet', 'Ledelse', 'Verktøy', 'Kompetanse', 'Rutiner']) {
      await facilitator.getByLabel('Navn på temaet').fill(theme);
      await facilitator.getByLabel('Navn på temaet').press('Enter');
      await expect(facilitator.getByTestId('cluster').filter({ hasText: theme })).toBeVisible();
    }
    const page = s.getByTestId('screen-page');
    await expect(page).toHaveText(/^Side [12] av 2$/);
    await expect(page).toHaveAttribute('data-held', 'false');
    // A key typed in the theme field is text; the shortcut works once focus has left it.
    await facilitator.getByTestId('current-activity').click();
    const pager = facilitator.getByTestId('screen-pager');
    await expect(pager.getByRole('button', { name: 'Neste side' })).toHaveAttribute('aria-keyshortcuts', 'PageDown');
    await facilitator.keyboard.press('PageDown');
    // The facilitator has taken the pages over: they no longer turn by themselves.
    await expect(page).toHaveAttribute('data-held', 'true');
    const held = await page.textContent();
    await pager.getByRole('button', { name: 'Forrige side' }).click();
    await expect(page).not.toHaveText(held!);
    await expect(s.getByTestId('screen-cluster')).toHaveCount(held === 'Side 1 av 2' ? 1 : 6);
  });

  await facilitatorContext.close();
  for (const p of phones) await p.context().close();
});
