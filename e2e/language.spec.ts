import { expect, test, type Page } from '@playwright/test';
import { joinAnonymously, LAPTOP, PHONE } from './support/actors';
import { expectNoAxeViolations } from './support/axe';
import { signInFacilitator, startDemoWorkshop } from './support/facilitator';
import { startOwnVerksted, type OwnVerksted } from './support/own-server';
import { openBigScreen } from './support/big-screen';

/**
 * Nynorsk from the language menu: the facilitator's choice survives a reload, a participant
 * picks it on the phone before joining, and a mean on the big screen is written "3,0" — while
 * two colleagues in the same session keep bokmål. axe checks the pages in nynorsk and English
 * too (the page's `lang`, names that longer words must not break), the screen at 1280×720.
 */

const QUESTIONS = ['Hvor nyttig var verkstedet for deg?', 'Hvor godt fikk du fram dine synspunkter?', 'Hvor godt kjente du deg igjen i funnene?'];

async function chooseLanguage(page: Page, current: string, next: string) {
  await page.getByRole('button', { name: new RegExp(`^(Språk|Language): ${current}$`) }).click();
  await page.getByRole('menuitemradio', { name: next }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', next === 'Nynorsk' ? 'nn' : next === 'English' ? 'en' : 'nb');
}

async function evaluate(phone: Page, value: number) {
  for (const q of QUESTIONS) await phone.getByRole('radiogroup', { name: q }).getByRole('radio', { name: String(value) }).check();
  await phone.getByRole('button', { name: 'Send' }).click();
}

test('nynorsk: chosen in the header, kept across a reload, chosen on a phone, with decimal commas', async ({ browser }) => {
  test.setTimeout(300_000);
  const own: OwnVerksted = await startOwnVerksted('language');
  const devices: Page[] = [];
  const device = async (size: typeof LAPTOP | typeof PHONE) => {
    const page = await own.device(browser, size);
    devices.push(page);
    return page;
  };
  try {
    const facilitator = await device(LAPTOP);
    await signInFacilitator(facilitator);

    await test.step('the facilitator switches to nynorsk in the language menu', async () => {
      await chooseLanguage(facilitator, 'Bokmål', 'Nynorsk');
      await expect(facilitator.getByRole('heading', { level: 1, name: 'Prosjekt' })).toBeVisible();
      await expect(facilitator.getByRole('button', { name: 'Språk: Nynorsk' })).toBeVisible();
    });

    await test.step('the choice survives a reload (kept in the NEXT_LOCALE cookie)', async () => {
      await facilitator.reload();
      await expect(facilitator.locator('html')).toHaveAttribute('lang', 'nn');
      await expect(facilitator.getByRole('heading', { level: 1, name: 'Prosjekt' })).toBeVisible();
      const cookies = await facilitator.context().cookies();
      expect(cookies.find((c) => c.name === 'NEXT_LOCALE')?.value).toBe('nn');
    });

    let code = '';
    await test.step('the demo workshop starts, in nynorsk', async () => {
      code = await startDemoWorkshop(facilitator, 'Start verkstaden');
      await expect(facilitator.getByRole('heading', { name: 'Deltakarar' })).toBeVisible();
    });

    const screen = await openBigScreen(facilitator);

    const phone = await device(PHONE);
    await test.step('a participant on a phone picks nynorsk before joining', async () => {
      await phone.goto(`/delta/${code}`);
      await chooseLanguage(phone, 'Bokmål', 'Nynorsk');
      const consent = phone.getByRole('checkbox', { name: 'Eg har lese og samtykkjer' });
      if (await consent.isVisible()) await consent.check();
      await phone.getByRole('button', { name: 'Bli med' }).click();
      await expect(phone.getByText('Du deltek anonymt')).toBeVisible();
      await phone.reload();
      await expect(phone.getByText('Du deltek anonymt')).toBeVisible();
      await phone.screenshot({ path: 'test-results/language-phone-nn.png', fullPage: true });
      await expectNoAxeViolations(phone, 'phone in nynorsk, waiting for the start');
    });

    const colleagues = [await device(PHONE), await device(LAPTOP)];
    await test.step('two colleagues join in bokmål, the default', async () => {
      for (const p of colleagues) await joinAnonymously(p, code);
      await expect(screen.getByTestId('screen-joined')).toHaveText('3 deltakarar');
    });

    await test.step('the closing round gives a mean of 3,0 on the big screen, in every language’s own words', async () => {
      await facilitator.getByRole('button', { name: 'Start programmet' }).click();
      await facilitator.getByRole('navigation', { name: 'Program' }).getByRole('button', { name: /Hvordan var det å delta\?/ }).click();
      await expect(facilitator.getByTestId('current-activity')).toContainText('Avslutningsrunde');
      await evaluate(phone, 4);
      await expect(phone.getByText('Takk! Svara dine er lagra.')).toBeVisible();
      await evaluate(colleagues[0]!, 3);
      await evaluate(colleagues[1]!, 2);
      for (const p of colleagues) await expect(p.getByText('Takk! Svarene dine er lagret.')).toBeVisible();
      await facilitator.getByRole('checkbox', { name: 'Vis resultat' }).click();
      await expect(screen.getByTestId('mean-nytte')).toHaveText('Snitt 3,0');
      await expect(facilitator.getByTestId('mean-nytte')).toHaveText('Snitt 3,0');
      await screen.screenshot({ path: 'test-results/language-screen-nn.png' });
      await facilitator.screenshot({ path: 'test-results/language-console-nn.png', fullPage: true });
      await expectNoAxeViolations(facilitator, 'console in nynorsk, closing results shown');
      await expectNoAxeViolations(screen, 'screen in nynorsk, closing results');
      await expectNoAxeViolations(phone, 'phone in nynorsk, after answering');
    });

    await test.step('in English the same mean is written 3.0', async () => {
      await chooseLanguage(facilitator, 'Nynorsk', 'English');
      await expect(facilitator.getByTestId('mean-nytte')).toHaveText('Mean 3.0');
      await expectNoAxeViolations(facilitator, 'console in English, closing results shown');
      await screen.setViewportSize({ width: 1280, height: 720 });
      await screen.reload();
      await expect(screen.getByTestId('mean-nytte')).toHaveText('Mean 3.0');
      await expectNoAxeViolations(screen, 'screen in English at 1280×720, closing results');
    });
  } finally {
    // Browsers first: a server closing under open pages waits for their connections to end.
    for (const page of devices) await page.context().close();
    await own.close();
  }
});
