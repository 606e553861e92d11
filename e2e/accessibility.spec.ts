import { expect, test, type Browser, type Page } from '@playwright/test';
import { LAPTOP, PHONE, submitJoinForm } from './support/actors';
import { moveNoteToTheme, startVoting, voteAndSendWord } from './support/plenary';
import { placeSome, sortIntoPiles, type Pile } from './support/qsort';
import { expectNoAxeViolations } from './support/axe';
import { demoWorkshopLink, signInFacilitator, startProgramme } from './support/facilitator';
import { startOwnVerksted, type OwnVerksted } from './support/own-server';
import { answerFinding } from './support/findings';
import { openBigScreen } from './support/big-screen';

/**
 * Universal design (WCAG 2.1 AA): axe on every page the facilitator uses at 1440×900, on every
 * step of the demo workshop as the console, the big screen (1920×1080) and a phone (390×844)
 * show it, and on the kollegaveiledning and Q-sort phone pages; the live region that reads out
 * a new step and revealed results; and no motion for those who ask for less.
 *
 * An installation of its own, empty at first: the first-run setup page is only there before
 * the first account, and the demo workshop is run from its start without other specs'
 * sessions in the way.
 */

let own: OwnVerksted;
test.beforeAll(async () => {
  own = await startOwnVerksted('a11y', { firstAccount: false });
});
test.afterAll(() => own?.close());

/** The facilitator on a laptop, signed in (doing the first-run setup if no test has yet). */
async function facilitatorOn(browser: Browser): Promise<Page> {
  const page = await own.device(browser, LAPTOP);
  await signInFacilitator(page);
  return page;
}

/** The demo project's page, from the project list. */
async function openDemoProject(page: Page): Promise<string> {
  await page.getByRole('link', { name: /Arbeid først/ }).first().click();
  await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** The demo project's page from anywhere: the project list first. */
async function openDemoProjectFrom(page: Page): Promise<string> {
  await page.goto('/prosjekter');
  return openDemoProject(page);
}

/** Goes to the first link on the page whose address matches, and returns that address. */
async function followFirst(page: Page, hrefPattern: RegExp): Promise<string> {
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => hrefPattern.test(h));
  expect(href, `a link matching ${hrefPattern} on ${page.url()}`).toBeTruthy();
  await page.goto(href!);
  return href!;
}

test('every page the facilitator and a newcomer use has no WCAG 2.1 AA violations', async ({ browser }) => {
  test.setTimeout(600_000);
  const visitor = await own.device(browser, LAPTOP);

  await test.step('the landing page, the join page and first-run setup', async () => {
    await visitor.goto('/');
    await expect(visitor.getByRole('heading', { level: 1, name: 'Verksted' })).toBeVisible();
    await expectNoAxeViolations(visitor, 'landing page');
    await visitor.goto('/delta');
    await expectNoAxeViolations(visitor, 'join by code');
    const phone = await own.device(browser, PHONE);
    await phone.goto('/');
    await expectNoAxeViolations(phone, 'landing page on a phone');
    await phone.context().close();
    await visitor.goto('/logg-inn');
    await expect(visitor).toHaveURL(/\/oppsett$/);
    await expectNoAxeViolations(visitor, 'first-run setup');
    // A failed submit shows the error summary and field errors: those must pass too.
    await visitor.getByRole('button', { name: 'Opprett konto' }).click();
    await expect(visitor.getByText('Fyll ut feltet.').first()).toBeVisible();
    await expectNoAxeViolations(visitor, 'first-run setup with errors');
  });

  const facilitator = await facilitatorOn(browser);
  await expectNoAxeViolations(facilitator, 'project list');
  const project = await openDemoProject(facilitator);

  await test.step('the project page with its members and settings', async () => {
    await expectNoAxeViolations(facilitator, 'project page');
    await facilitator.getByRole('button', { name: 'Lag invitasjonslenke' }).click();
    const invitation = await facilitator.getByRole('textbox', { name: 'Lag invitasjonslenke' }).inputValue();
    await expectNoAxeViolations(facilitator, 'project page with an invitation link');
    const invitee = await own.device(browser, LAPTOP);
    await invitee.goto(invitation);
    await expect(invitee.getByRole('heading', { name: 'Opprett konto' })).toBeVisible();
    await expectNoAxeViolations(invitee, 'invitation');
    await invitee.goto('/logg-inn');
    await expect(invitee.getByRole('button', { name: 'Logg inn' })).toBeVisible();
    await expectNoAxeViolations(invitee, 'sign-in');
    await invitee.context().close();
  });

  await test.step('workshops: the list and the editor', async () => {
    await facilitator.goto(`${project}/verksted`);
    await expectNoAxeViolations(facilitator, 'workshop list');
    await followFirst(facilitator, /\/verksted\/[0-9a-f-]{36}$/);
    await expect(facilitator.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(facilitator, 'workshop editor');
  });

  await test.step('kollegaveiledning: groups, meetings and a template', async () => {
    await facilitator.goto(`${project}/kollegaveiledning`);
    await expectNoAxeViolations(facilitator, 'kollegaveiledning prep');
    await followFirst(facilitator, /\/kollegaveiledning\/maler\/[0-9a-f-]{36}$/);
    await expect(facilitator.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(facilitator, 'kollegaveiledning template');
  });

  await test.step('Q-sort: the statement sets and one set', async () => {
    await facilitator.goto(`${project}/utsagn`);
    await expectNoAxeViolations(facilitator, 'Q-sort statement sets');
    await followFirst(facilitator, /\/utsagn\/[0-9a-f-]{36}$/);
    await expect(facilitator.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(facilitator, 'Q-sort statement set');
  });

  await test.step('findings, feedback, the archive search, tags and the timeline', async () => {
    await facilitator.goto(`${project}/funn`);
    await expectNoAxeViolations(facilitator, 'findings');
    await followFirst(facilitator, /\/funn\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(facilitator, 'a finding');
    await facilitator.goto(`${project}/tilbakemeldinger`);
    await expectNoAxeViolations(facilitator, 'Tilbakemeldinger');
    await facilitator.goto(`${project}/tilbakemeldinger?q=oppf%C3%B8lging`);
    await expectNoAxeViolations(facilitator, 'archive search with a query');
    await facilitator.goto(`${project}/tilbakemeldinger/tagger`);
    await expectNoAxeViolations(facilitator, 'tags');
    await facilitator.goto(`${project}/tidslinje`);
    await expectNoAxeViolations(facilitator, 'timeline');
  });
});

test('the demo workshop, step by step on the console, the big screen and a phone', async ({ browser }) => {
  test.setTimeout(900_000);
  const facilitator = await facilitatorOn(browser);
  await openDemoProject(facilitator);
  await demoWorkshopLink(facilitator).click();
  await facilitator.getByRole('button', { name: 'Start verkstedet' }).click();
  await expect(facilitator).toHaveURL(/\/live\//);
  const code = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  const screen = await openBigScreen(facilitator);
  await expect(screen.getByTestId('presenter')).toBeVisible();

  const phone = await own.device(browser, PHONE);
  const others = [await own.device(browser, PHONE), await own.device(browser, LAPTOP)];
  const people = [phone, ...others];

  /** axe on all three views of the step, once each shows `ready`. */
  async function everyView(step: string) {
    await expectNoAxeViolations(facilitator, `console: ${step}`);
    await expectNoAxeViolations(screen, `screen: ${step}`);
    await expectNoAxeViolations(phone, `phone: ${step}`);
  }

  await test.step('joining: the consent page, then the welcome', async () => {
    await phone.goto(`/delta/${code}`);
    await expect(phone.getByRole('checkbox', { name: 'Jeg har lest og samtykker' })).toBeVisible();
    await expectNoAxeViolations(phone, 'join page with consent');
    for (const p of people) {
      await p.goto(`/delta/${code}`);
      await submitJoinForm(p);
      await expect(p.getByText('Du deltar anonymt')).toBeVisible();
    }
    await expect(screen.getByTestId('screen-joined')).toHaveText('3 deltakere');
    await everyView('welcome');
  });

  await test.step('findings: each finding before and after its results are shown, announced', async () => {
    const total = await startProgramme(facilitator);
    for (let i = 1; i <= total; i++) {
      await expect(facilitator.getByText(`Funn ${i} av ${total}`)).toBeVisible();
      // The step change is read out on the phone and on the console, politely.
      for (const view of [phone, facilitator]) {
        await expect(view.getByTestId('announcer')).toHaveText(new RegExp(`^Nytt steg: .+, funn ${i}\\s*$`));
        await expect(view.getByTestId('announcer')).toHaveAttribute('aria-live', 'polite');
      }
      await everyView(`finding ${i}`);
      for (const [n, p] of people.entries()) await answerFinding(p, { n: i, total }, ['Kjenner igjen', 'Nyanserer', 'Kjenner igjen'][n]!, 'Stemmer med hverdagen hos oss.');
      await expect(screen.getByTestId('screen-answered')).toHaveText('3 har svart');
      await everyView(`finding ${i}, answered`);
      await facilitator.getByRole('checkbox', { name: 'Vis resultater' }).click();
      await expect(screen.getByTestId('tally-kjenner_igjen')).toContainText('2');
      await expect(phone.getByTestId('announcer')).toHaveText(new RegExp(`^Resultatene vises: .+, funn ${i}\\s*$`));
      await everyView(`finding ${i}, results shown`);
      await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    }
  });

  await test.step('group reflection: silent writing, then the board', async () => {
    await expect(facilitator.getByTestId('current-activity')).toContainText('Grupperefleksjon');
    await expect(phone.getByTestId('announcer')).toHaveText(/^Nytt steg: /);
    await expect(phone.getByTestId('board')).toHaveAttribute('data-status', 'synced');
    await everyView('group reflection, silent writing');
    await facilitator.getByRole('button', { name: 'Avslutt stille skriving' }).click();
    await expect(phone.getByText(/Stille skriving: skriv dine egne lapper/)).toBeHidden();
    for (const text of ['Tid til oppfølging mangler', 'Kollegaveiledning gir trygghet']) {
      await phone.getByLabel('Tekst på lappen').fill(text);
      await phone.getByRole('button', { name: 'Legg til lapp' }).click();
      await expect(phone.getByText(text)).toBeVisible();
    }
    await everyView('group reflection, the board');
  });

  await test.step('plenary: themes, dots and a word cloud, then the results', async () => {
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(facilitator.getByTestId('current-activity')).toContainText('Plenum');
    await expect(phone.getByTestId('announcer')).toHaveText(/^Nytt steg: .*Plenum/);
    await everyView('plenary');
    // A time box running out is read out too, on the phone and on the console (12 s: 0,2 min).
    await facilitator.getByLabel('Sett tid (minutter)').fill('0,2');
    await facilitator.getByRole('button', { name: 'Start tid' }).click();
    for (const view of [phone, facilitator]) await expect(view.getByTestId('announcer')).toHaveText(/^Tiden er ute\s*$/, { timeout: 45_000 });
    await everyView('plenary, time up');
    await facilitator.getByLabel('Navn på temaet').fill('Tid og kapasitet');
    await facilitator.getByRole('button', { name: 'Lag tema' }).click();
    await moveNoteToTheme(facilitator, 'Tid til oppfølging mangler', 'Tid og kapasitet');
    await startVoting(facilitator);
    await voteAndSendWord(people, 'Tid og kapasitet', 'Tillit');
    await everyView('plenary, themed and voted');
    await facilitator.getByRole('checkbox', { name: 'Vis resultater' }).click();
    await expect(screen.getByTestId('vote-tally').first()).toContainText('3 prikker');
    await expect(phone.getByTestId('announcer')).toHaveText(/^Resultatene vises: .*Plenum/);
    await everyView('plenary, results shown');
  });

  await test.step('closing questions, then their results', async () => {
    await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(screen.getByText('Resultatene vises når fasilitator viser dem.')).toBeVisible();
    await everyView('closing');
    for (const [i, p] of people.entries()) {
      for (const q of ['Hvor nyttig var verkstedet for deg?', 'Hvor godt fikk du fram dine synspunkter?', 'Hvor godt kjente du deg igjen i funnene?']) {
        await p.getByRole('radiogroup', { name: q }).getByRole('radio', { name: String(4 - i) }).check();
      }
      await p.getByRole('button', { name: 'Send' }).click();
      await expect(p.getByText('Takk! Svarene dine er lagret.')).toBeVisible();
    }
    await everyView('closing, answered');
    await facilitator.getByRole('checkbox', { name: 'Vis resultater' }).click();
    await expect(screen.getByTestId('mean-nytte')).toBeVisible();
    await everyView('closing, results shown');
    await phone.screenshot({ path: 'test-results/a11y/phone-closing-results.png', fullPage: true });
    await screen.screenshot({ path: 'test-results/a11y/screen-closing-results.png' });
  });

  await test.step('the end, the results page and the summary on the screen', async () => {
    await facilitator.getByRole('button', { name: 'Avslutt økten' }).click();
    await expect(facilitator.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(facilitator, 'console: end session dialog');
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Avslutt økten' }).click();
    await expect(screen.getByText('Verkstedet er avsluttet. Takk for innsatsen!')).toBeVisible();
    await expect(phone.getByTestId('announcer')).toHaveText(/^Økten er avsluttet/);
    await everyView('ended');
    await facilitator.getByRole('link', { name: 'Se resultatene' }).click();
    await expect(facilitator).toHaveURL(/\/resultater$/);
    await expectNoAxeViolations(facilitator, 'session results');
    await facilitator.getByRole('button', { name: 'Vis oppsummering på skjermen' }).click();
    await expect(screen.getByTestId('screen-summary')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(screen, 'screen: summary');
    await screen.getByRole('button', { name: 'Mørk skjerm' }).click();
    await expect(screen.getByTestId('presenter')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(screen, 'screen: summary, dark');
  });

  await test.step('the project’s pages again, now holding this workshop’s answers, notes and themes', async () => {
    const project = await openDemoProjectFrom(facilitator);
    for (const [path, label] of [['tilbakemeldinger', 'Tilbakemeldinger with a workshop'], ['tilbakemeldinger?q=oppf%C3%B8lging', 'archive search with hits'], ['tidslinje', 'timeline with a workshop'], ['funn', 'findings with answers']] as const) {
      await facilitator.goto(`${project}/${path}`);
      await expectNoAxeViolations(facilitator, label);
    }
    await followFirst(facilitator, /\/funn\/[0-9a-f-]{36}$/);
    await expect(facilitator.locator('dl dt').filter({ hasText: 'Kjenner igjen' }).first()).toBeVisible();
    await expectNoAxeViolations(facilitator, 'a finding with its evidence');
  });
});

test('a kollegaveiledning on the phone, round by round', async ({ browser }) => {
  test.setTimeout(600_000);
  const leader = await facilitatorOn(browser);
  const project = await openDemoProject(leader);
  await leader.goto(`${project}/kollegaveiledning`);
  await leader.getByRole('button', { name: 'Start møte' }).first().click();
  await expect(leader.getByTestId('supervision-console')).toBeVisible();
  const code = ((await leader.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  const [kari, ola] = [await own.device(browser, PHONE), await own.device(browser, PHONE)];

  await ola.goto(`/delta/${code}`);
  await expect(ola.getByLabel('Fornavn')).toBeVisible();
  await expectNoAxeViolations(ola, 'kollegaveiledning join page');
  for (const [p, name] of [[kari, 'Kari'], [ola, 'Ola']] as const) {
    await p.goto(`/delta/${code}`);
    await p.getByLabel('Fornavn').fill(name);
    await submitJoinForm(p);
    await expect(p.getByTestId('supervision-participant')).toBeVisible();
  }
  await leader.getByLabel('Rolle for Kari').selectOption('case_owner');
  await expect(kari.getByTestId('my-role')).toHaveText('Du er saksholder');
  await expectNoAxeViolations(kari, 'kollegaveiledning opening, case owner');
  await expectNoAxeViolations(ola, 'kollegaveiledning opening, participant');
  await expectNoAxeViolations(leader, 'kollegaveiledning console, opening');
  await kari.getByLabel('Saksframlegg').fill('En bruker i 40-årene har stått lenge utenfor arbeid.');
  await kari.getByLabel('Spørsmålet du vil ha hjelp med').fill('Hvordan kan jeg holde motivasjonen oppe?');
  await kari.getByRole('button', { name: 'Lagre saken' }).click();
  await expect(kari.getByText('Saken er lagret. Alle i gruppen ser den.')).toBeVisible();

  await leader.getByRole('button', { name: 'Start første runde' }).click();
  let round = 1;
  // Every round of the template, then the closing: the rounds differ in who speaks and writes.
  while (await leader.getByRole('button', { name: 'Neste runde' }).isVisible()) {
    const name = (await ola.getByTestId('round-name').textContent()) ?? '';
    await expect(ola.getByTestId('announcer')).toHaveText(new RegExp(`Nytt steg: ${name}`));
    await expectNoAxeViolations(ola, `kollegaveiledning round ${round} (${name}), participant`);
    await expectNoAxeViolations(kari, `kollegaveiledning round ${round} (${name}), case owner`);
    await expectNoAxeViolations(leader, `kollegaveiledning console, round ${round}`);
    await leader.getByRole('button', { name: 'Neste runde' }).click();
    await expect(ola.getByTestId('round-name')).not.toHaveText(name);
    round++;
  }
  await leader.getByRole('button', { name: 'Til avslutning' }).click();
  await expect(ola.getByRole('button', { name: 'Send svar' })).toBeVisible();
  await expectNoAxeViolations(ola, 'kollegaveiledning closing, participant');
  await expectNoAxeViolations(leader, 'kollegaveiledning console, closing');
});

const piles: Pile[] = ['agree', 'neutral', 'disagree'];

test('a Q-sort on the phone, step by step, and its analysis', async ({ browser }) => {
  test.setTimeout(900_000);
  const facilitator = await facilitatorOn(browser);
  const project = await openDemoProject(facilitator);
  await facilitator.goto(`${project}/utsagn`);
  await facilitator.getByRole('link', { name: /Q-utsagn fra Arbeid først/ }).first().click();
  await facilitator.getByRole('button', { name: 'Start Q-sortering' }).click();
  await expect(facilitator.getByTestId('qsort-console')).toBeVisible();
  const code = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
  const screen = await openBigScreen(facilitator);
  await expect(screen.getByTestId('qsort-screen')).toBeVisible();
  await expectNoAxeViolations(screen, 'Q-sort screen');
  await expectNoAxeViolations(facilitator, 'Q-sort console');

  const people = [await own.device(browser, PHONE), await own.device(browser, PHONE), await own.device(browser, PHONE)];
  for (const [i, p] of people.entries()) {
    // Only the first phone is checked at each step; the others make the analysis possible.
    const check = (label: string) => (i === 0 ? expectNoAxeViolations(p, `Q-sort phone: ${label}`) : Promise.resolve());
    await p.goto(`/delta/${code}`);
    await check('join page');
    await submitJoinForm(p);
    await expect(p.getByTestId('qsort-step')).toHaveText('Les utsagnene');
    await check('read the statements');
    await p.getByRole('button', { name: 'Jeg har lest utsagnene' }).click();
    await expect(p.getByTestId('qsort-step')).toHaveText('Tre grupper');
    await check('three piles');
    await sortIntoPiles(p, 36, { pileOf: (n) => piles[(n + i) % 3]! });
    await check('the grid, empty');
    await placeSome(p, 36);
    await expect(p.getByText('Alle utsagnene er plassert.')).toBeVisible();
    await check('the grid, full');
    await p.getByRole('button', { name: 'Videre', exact: true }).click();
    await expect(p.getByTestId('qsort-step')).toHaveText('Se over');
    await check('review');
    await p.getByRole('button', { name: 'Videre', exact: true }).click();
    await expect(p.getByTestId('qsort-step')).toHaveText('Kommentarer');
    await check('comments');
    await p.getByRole('button', { name: 'Videre', exact: true }).click();
    await expect(p.getByLabel('Pseudonym (valgfritt)')).toBeVisible();
    await check('pseudonym');
    await p.getByRole('button', { name: 'Send inn sorteringen' }).click();
    await expect(p.getByTestId('qsort-done')).toBeVisible();
    await check('done');
  }

  await expect(facilitator.getByTestId('qsort-done')).toHaveText('3');
  await facilitator.getByLabel('Antall faktorer').selectOption('2');
  await facilitator.getByRole('button', { name: 'Kjør analysen' }).click();
  await expect(facilitator.getByTestId('analysis')).toBeVisible();
  await expectNoAxeViolations(facilitator, 'Q-sort analysis');
  await facilitator.getByRole('button', { name: 'Vis på skjermen' }).click();
  await expect(screen.getByTestId('screen-factor').first()).toBeVisible();
  await expectNoAxeViolations(screen, 'Q-sort screen: factor arrays');
});

test('with reduced motion asked for, nothing moves: transitions take no time and animations end at once', async ({ browser }) => {
  const context = await browser.newContext({ ...LAPTOP, locale: 'nb-NO', baseURL: own.origin, reducedMotion: 'reduce' });
  const page = await context.newPage();

  /**
   * The longest time, in seconds, any transition or animation on the matching elements (and their
   * ::before and ::after) takes to reach its end: duration times iterations plus delay, pair by
   * pair as CSS lists them (an endless animation: Infinity). An animation of 1 ms started 1 ms ago (delay −1 ms) ends at once: 0.
   */
  const longestMotion = (selector: string) =>
    page.locator(selector).evaluateAll((els) => {
      const seconds = (list: string) => list.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v)) || 0);
      const running = (durations: string, delays: string, iterations = '1') => {
        const [d, w] = [seconds(durations), seconds(delays)];
        const n = iterations.split(',').map((v) => (v.trim() === 'infinite' ? Infinity : Number(v)));
        return Math.max(0, ...d.map((x, i) => (x === 0 ? 0 : x * (n[i % n.length] ?? 1)) + (w[i % w.length] ?? 0)));
      };
      return Math.max(
        0,
        ...els.flatMap((el) =>
          [null, '::before', '::after'].map((pseudo) => {
            const style = getComputedStyle(el, pseudo);
            const animated = style.animationName !== 'none' ? running(style.animationDuration, style.animationDelay, style.animationIterationCount) : 0;
            return Math.max(running(style.transitionDuration, style.transitionDelay), animated);
          }),
        ),
      );
    });
  const controls = 'button, a, input, select, textarea, label, [class*="aksel-"], [class*="aksel-"] *';

  // The phone's landing page and, signed in, the project page: Aksel's buttons, links, fields,
  // switches and expansion cards all have transitions of their own.
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Bli med' })).toBeVisible();
  expect(await longestMotion(controls), 'landing page').toBe(0);
  await signInFacilitator(page);
  await openDemoProject(page);
  expect(await longestMotion(controls), 'project page').toBe(0);
  // Aksel's loader keeps its spin in Aksel's own rule; ours stops it as well.
  await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.className = 'aksel-loader';
    probe.dataset.testid = 'motion-probe';
    probe.style.animation = 'spin 1s linear infinite';
    document.body.append(probe);
  });
  expect(await longestMotion('[data-testid="motion-probe"]'), 'an infinite animation').toBe(0);

  // The same page without the preference: the controls do move, so the zeros above are the rules' doing.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await longestMotion(controls)).toBeGreaterThan(0);
  expect(await longestMotion('[data-testid="motion-probe"]')).toBe(Infinity);
  await context.close();
});
