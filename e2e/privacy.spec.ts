import { sql } from 'drizzle-orm';
import { expect, test, type Page } from '@playwright/test';
import type { Db } from '../db/client';
import { namedSpellings, validNationalId } from '../test/personal-numbers';
import { describeHits, digitsOf, scanDatabase } from '../test/pii-scan';
import { tableNames } from '../test/table-census';
import { joinAnonymously, LAPTOP, PHONE } from './support/actors';
import { signInFacilitator, startDemoWorkshop } from './support/facilitator';
import { startOwnVerksted } from './support/own-server';
import { tamperedPhone } from './support/tampered-phone';
import { openBigScreen } from './support/big-screen';

/**
 * The issue-10 promises end to end, in real browsers: a personal number typed on a phone is
 * refused in a comment and on a board, with the text kept for the writer; a redacted comment
 * goes from the screen and every phone; a participant withdraws everything; a deleted project
 * leaves no row behind. It runs on its own Verksted (as oidc.spec does) so the test can read
 * the database afterwards, and so it depends on no state other specs leave.
 */

const PROJECT = 'Arbeid først – understøttet av pålitelig forvaltning';
const COMMENT_REFUSED = 'Teksten ser ut til å inneholde personopplysninger (fødselsnummer, telefonnummer eller e-post). Fjern dem før du sender.';
const NOTE_REFUSED = 'Lappen ser ut til å inneholde personopplysninger (fødselsnummer, telefonnummer eller e-post). Fjern dem før du legger den til.';
const MARKER = '[Fjernet av fasilitator]';
/** Tables that hold no project's data: accounts, their sign-ins, ids-only audit and login limits. */
const ACCOUNT_TABLES = ['audit_log', 'auth_sessions', 'rate_limits', 'users'];

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png` });
const spelling = (id: string, name: string) => namedSpellings(id).find(([n]) => n === name)![1];

// --- actions ---------------------------------------------------------------------------------

async function sendComment(page: Page, comment: string) {
  await page.getByRole('radio', { name: 'Nyanserer' }).check();
  await page.getByLabel('Kommentar (valgfritt)').fill(comment);
  await page.getByRole('button', { name: 'Send' }).click();
}

async function addNote(page: Page, text: string) {
  await page.getByLabel('Tekst på lappen').fill(text);
  await page.getByRole('button', { name: 'Legg til lapp' }).click();
}

// --- verifications ---------------------------------------------------------------------------

/** What the page shows (not what sits in its form fields), in digits of any script, holds no `id`. */
async function expectNumberNotShown(page: Page, id: string) {
  const shown = await page.locator('body').innerText();
  expect(digitsOf(shown), `${page.url()} shows the number`).not.toContain(id);
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(db)) {
    const result = (await db.execute(sql.raw(`select count(*)::int as n from "${table}"`))) as unknown as { rows: { n: number }[] };
    counts[table] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** Stored Yjs rows (updates and snapshots) of group boards. */
async function boardRows(db: Db): Promise<number> {
  const query = `select (select count(*) from yjs_updates where doc_name like '%.board.%') + (select count(*) from yjs_snapshots where doc_name like '%.board.%') as n`;
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? 0);
}

async function tableText(db: Db, table: string): Promise<string> {
  const result = (await db.execute(sql.raw(`select t::text as row from "${table}" t`))) as unknown as { rows: { row: string }[] };
  return result.rows.map((r) => r.row).join('\n');
}

test('personal numbers are refused on the phone, contributions can be redacted and withdrawn, and a deleted project leaves nothing', async ({ browser }) => {
  test.setTimeout(420_000);
  const id = validNationalId();
  const hyphenated = spelling(id, 'hyphen');
  const dotted = spelling(id, 'DD.MM.YY IIIKK');
  const fullwidth = spelling(id, 'fullwidth');
  // A new number every run; the report names it so a failure can be replayed.
  test.info().annotations.push({ type: 'fødselsnummer', description: id });

  const own = await startOwnVerksted('privacy');
  try {
    const { server, origin } = own;
    const db = server.services.database.db;

    const facilitator = await own.device(browser, LAPTOP);
    await signInFacilitator(facilitator);
    let code = '';
    await test.step('the facilitator starts the demo workshop and opens the screen', async () => {
      code = await startDemoWorkshop(facilitator);
    });
    const screen = await openBigScreen(facilitator);
    const [a, b, c] = [await own.device(browser, PHONE), await own.device(browser, PHONE), await own.device(browser, PHONE)] as [Page, Page, Page];
    for (const p of [a, b, c]) await joinAnonymously(p, code);
    await facilitator.getByRole('button', { name: 'Start programmet' }).click();

    const refusedComment = `Gjelder bruker ${hyphenated} hos oss`;
    await test.step('a comment with a hyphenated fødselsnummer is refused; the text stays in the field', async () => {
      await sendComment(a, refusedComment);
      const field = a.getByLabel('Kommentar (valgfritt)');
      await expect(a.getByText(COMMENT_REFUSED)).toBeVisible();
      await expect(field).toHaveValue(refusedComment);
      await expect(a.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeHidden();
      // The field and the reason under it, as the writer sees them.
      await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await a.screenshot(shot('privacy-comment-refused-phone'));
    });

    await test.step('other spellings are refused too: dotted date with a space, fullwidth digits', async () => {
      for (const [page, text] of [[b, `Fnr ${dotted}`], [c, `Bruker ${fullwidth}`]] as const) {
        await sendComment(page, text);
        await expect(page.getByText(COMMENT_REFUSED)).toBeVisible();
        await expect(page.getByLabel('Kommentar (valgfritt)')).toHaveValue(text);
      }
    });

    const secret = 'Saken til naboen min i Storgata';
    await test.step('with the number taken out the answers are stored, and after reveal no screen shows it', async () => {
      for (const [page, text] of [[a, secret], [b, 'Gjelder ikke alle kontor'], [c, 'Kjenner det igjen']] as const) {
        await sendComment(page, text);
        await expect(page.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeVisible();
      }
      await facilitator.getByRole('checkbox', { name: 'Vis resultater' }).click();
      for (const page of [screen, facilitator, b]) await expect(page.getByTestId('results').getByText(secret)).toBeVisible();
      for (const page of [screen, facilitator, a, b, c]) await expectNumberNotShown(page, id);
    });

    await test.step('the facilitator redacts the revealed comment: gone from the screen and every phone', async () => {
      await facilitator.getByRole('listitem').filter({ hasText: secret }).getByRole('button', { name: 'Fjern' }).click();
      await facilitator.getByRole('dialog', { name: 'Fjerne teksten?' }).getByRole('button', { name: 'Ja, fjern' }).click();
      for (const page of [facilitator, screen, a, b, c]) {
        const results = page.getByTestId('results');
        await expect(results.getByText(secret)).toBeHidden();
        await expect(results.getByText(MARKER)).toBeVisible();
      }
      await screen.screenshot(shot('privacy-redacted-screen'));
    });

    await test.step('on to the group reflection: everyone in one group, silent writing first', async () => {
      for (let i = 0; i < 6; i++) await facilitator.getByRole('button', { name: 'Neste', exact: true }).click();
      await expect(facilitator.getByTestId('current-activity')).toContainText('Grupperefleksjon');
      for (const p of [a, b, c]) await expect(p.getByTestId('my-group')).toBeVisible();
      await facilitator.getByRole('button', { name: 'Avslutt stille skriving' }).click();
      await expect(a.getByText(/Stille skriving: skriv dine egne lapper/)).toBeHidden();
    });

    const refusedNote = `Ring bruker ${hyphenated} i morgen`;
    await test.step('a board note with the number is refused; the text stays in the note field; nobody else sees it', async () => {
      await addNote(a, refusedNote);
      await expect(a.getByText(NOTE_REFUSED)).toBeVisible();
      await expect(a.getByLabel('Tekst på lappen')).toHaveValue(refusedNote);
      await expect(a.getByTestId('note')).toHaveCount(0);
      await a.screenshot(shot('privacy-note-refused-phone'));
    });

    await test.step('a phone with its check taken out writes the number onto the board: the server refuses the update', async () => {
      const tampered = await tamperedPhone(c, origin, code);
      try {
        tampered.addNote(`Ring bruker ${hyphenated} i morgen`);
        await expect.poll(() => tampered.refusals, { timeout: 30_000 }).toContain('YJS_PERSONAL_DATA');
      } finally {
        tampered.close();
      }
    });

    await test.step('an ordinary note travels to the group and the console; the refused ones never did', async () => {
      await addNote(a, 'Tid til oppfølging mangler');
      for (const page of [b, facilitator]) await expect(page.getByText('Tid til oppfølging mangler')).toBeVisible();
      for (const page of [a, b, c, facilitator]) await expect(page.getByTestId('note')).toHaveCount(1);
      for (const page of [a, b, c, facilitator, screen]) await expectNumberNotShown(page, id);
      // The board is stored (the ordinary note is there); the refused updates are not.
      await expect.poll(() => boardRows(db), { timeout: 60_000 }).toBeGreaterThan(0);
      const hits = await scanDatabase(db, [id]);
      expect(hits, describeHits(hits)).toEqual([]);
    });

    await test.step('a participant withdraws everything: their note leaves the other phones and the console', async () => {
      await a.getByRole('button', { name: 'Trekk tilbake alt jeg har skrevet' }).click();
      await a.getByRole('dialog', { name: 'Trekke tilbake alt du har skrevet?' }).getByRole('button', { name: 'Ja, slett' }).click();
      await expect(a.getByText('Alt du har skrevet i denne økten er slettet. Du kan fortsette å delta.')).toBeVisible();
      for (const page of [a, b, c, facilitator]) await expect(page.getByText('Tid til oppfølging mangler')).toBeHidden();
    });

    let before: Record<string, number> = {};
    await test.step('with everything written, the number is stored nowhere: no text column, no Yjs update or snapshot', async () => {
      // Boards are stored as updates, compacted into snapshots (withdrawing rewrites the board).
      await expect.poll(() => boardRows(db), { timeout: 60_000 }).toBeGreaterThan(0);
      before = await rowCounts(db);
      for (const table of ['projects', 'live_sessions', 'participants', 'consent_acceptances', 'feedback_items', 'workshops', 'findings']) expect(before[table], table).toBeGreaterThan(0);
      const hits = await scanDatabase(db, [id]);
      expect(hits, describeHits(hits)).toEqual([]);
      const answers = await tableText(db, 'feedback_items');
      expect(answers).toContain('Gjelder ikke alle kontor');
      // The redacted comment is gone from the stored answers too, not only from the screens.
      expect(answers).not.toContain(secret);
    });

    const [, projectId, sessionId] = /\/prosjekter\/([^/]+)\/live\/([^/?#]+)/.exec(facilitator.url()) ?? [];
    await test.step('the project is deleted after typing its name; the phones are told', async () => {
      await facilitator.goto(`/prosjekter/${projectId}`);
      await facilitator.waitForLoadState('networkidle');
      await facilitator.getByRole('button', { name: 'Slett prosjektet' }).click();
      await facilitator.getByLabel(`Skriv «${PROJECT}» for å bekrefte`).fill(PROJECT);
      await facilitator.getByRole('button', { name: 'Ja, slett prosjektet' }).click();
      await expect(facilitator).toHaveURL(/\/prosjekter$/);
      await expect(b.getByText('Økten er slettet, med alt som ble skrevet i den.')).toBeVisible();
    });

    await test.step('every table that holds project data is empty; what stays keeps no text and no key of the sessions', async () => {
      const counts = await rowCounts(db);
      expect(Object.keys(counts)).toEqual(expect.arrayContaining(['projects', 'live_sessions', 'participants', 'feedback_items', 'yjs_updates', 'yjs_snapshots', 'consent_acceptances']));
      const left = Object.fromEntries(Object.entries(counts).filter(([table, n]) => n > 0 && !ACCOUNT_TABLES.includes(table)));
      expect(left, `rows before: ${JSON.stringify(before)}`).toEqual({});
      const audit = await tableText(db, 'audit_log');
      expect(audit).toContain('project.delete');
      for (const text of [secret, 'Gjelder ikke alle kontor', 'Kjenner det igjen', 'Tid til oppfølging mangler', 'Arbeid først', 'Utviklingsverksted']) expect(audit).not.toContain(text);
      // Limits counted per session (joins, answers) went with it; login limits are no project's.
      expect(await tableText(db, 'rate_limits')).not.toContain(sessionId!);
      const hits = await scanDatabase(db, [id]);
      expect(hits, describeHits(hits)).toEqual([]);
    });
  } finally {
    await own.close();
  }
});
