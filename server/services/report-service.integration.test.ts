import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems, findings, findingStatusChanges } from '@/db/schema';
import { readLiveState } from '@/lib/live-session';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { readCsvZip, readDocx, readPdfText, readXlsx } from '../../test/report-files';
import { finishedDemoWorkshop, finishedMeeting, keptQStudy, meetingOutcome, shown, withheld } from '../../test/report-fixture';
import { openServices } from '../../test/services';
import type { Services } from './index';

const config = testConfig();
const forbidden = [meetingOutcome.hiddenPoint, withheld.hiddenComment, withheld.redactedComment, withheld.fewComment, withheld.hiddenNote, withheld.redactedNote, ...withheld.fewWords, withheld.hiddenEvaluation];

for (const driver of testDatabases()) {
  describe(`reports on ${driver.name}`, () => {
    let services: Services;
    let drop: () => Promise<void>;
    let owner: string;
    let projectId: string;
    let run: Awaited<ReturnType<typeof finishedDemoWorkshop>>;
    let meeting: Awaited<ReturnType<typeof finishedMeeting>>;
    let study: Awaited<ReturnType<typeof keptQStudy>>;
    const db = () => services.database.db;

    beforeAll(async () => {
      ({ drop, services } = await openServices(driver, config));
      const account = await services.setupFirstAccount({ name: 'Ingrid Forsker', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!account.ok) throw new Error(account.error.code);
      owner = account.data.user.id;
      const list = await services.projects.listForUser(owner);
      projectId = list[0]!.id;
      run = await finishedDemoWorkshop(services, owner, projectId);
      meeting = await finishedMeeting(services, owner, projectId);
      study = await keptQStudy(services, owner, projectId);
    }, 180_000);
    afterAll(() => drop());

    const file = async (format: string, extra: Record<string, string> = {}) => {
      const made = await services.reports.file(owner, projectId, { format, ...extra });
      if (!made.ok) throw new Error(made.error.code);
      return made.data;
    };

    /** What the database holds for the first finding's responses. */
    async function storedCounts() {
      const rows = await db().select({ response: feedbackItems.response }).from(feedbackItems).where(and(eq(feedbackItems.sessionId, run.sessionId), eq(feedbackItems.findingId, run.findingIds[0]!)));
      return { kjenner_igjen: rows.filter((r) => r.response === 'kjenner_igjen').length, nyanserer: rows.filter((r) => r.response === 'nyanserer').length, avkrefter: rows.filter((r) => r.response === 'avkrefter').length, total: rows.length };
    }
    const visibleNotes = async () =>
      (await db().select({ text: feedbackItems.text }).from(feedbackItems).where(and(eq(feedbackItems.sessionId, run.sessionId), eq(feedbackItems.kind, 'note'), isNull(feedbackItems.hiddenAt), isNull(feedbackItems.redactedAt)))).map((r) => r.text);

    it('makes a Word document with heading styles, numbered captions, real tables and charts, and the values stored', async () => {
      const made = await file('docx');
      expect(made.filename).toMatch(/^arbeid-forst-[a-z0-9-]*-\d{4}-\d{2}-\d{2}\.docx$/);
      const docx = await readDocx(made.body as Uint8Array);
      const styles = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);
      const [project] = await services.projects.listForUser(owner);
      expect(styles('Title')).toEqual([`Rapport fra ${project!.name}`]);
      expect(styles('Heading1')).toEqual(['Funn og status', 'Verksteder', 'Kollegaveiledning', 'Q-sortering']);
      expect(styles('Heading2')[0]).toMatch(/^Verksted på Hamar, /);
      expect(styles('Heading2')[1]).toMatch(/^Veiledningsgruppe NAV Nordby, /);
      expect(styles('Heading3')).toEqual([...run.agenda.map((a) => a.title), ...study.names.map((n, i) => `Faktor ${i + 1}: ${n.name}`)]);

      // Captions: "Tabell n" and "Figur n" numbered by SEQ fields, one per table and per chart.
      const captions = docx.paragraphs.filter((p) => p.style === 'Caption');
      const tableCaptions = captions.filter((c) => c.fields.some((f) => f.startsWith('SEQ Tabell')));
      const figureCaptions = captions.filter((c) => c.fields.some((f) => f.startsWith('SEQ Figur')));
      expect(tableCaptions.map((c) => c.text.split(':')[0])).toEqual(docx.tables.map((_, i) => `Tabell ${i + 1}`));
      expect(figureCaptions.map((c) => c.text.split(':')[0])).toEqual(run.questions.map((_, i) => `Figur ${i + 1}`));
      expect(docx.charts).toBe(run.questions.length);

      // The findings table lists every finding of the project with its stored status.
      const all = await db().select({ title: findings.title, status: findings.status }).from(findings).where(eq(findings.projectId, projectId)).orderBy(findings.position);
      const findingsTable = docx.tables[0]!;
      expect(findingsTable[0]).toEqual(['Funn', 'Fase', 'Status']);
      expect(findingsTable.slice(1).map((r) => r[0])).toEqual(all.map((f) => f.title));
      expect(findingsTable[1]![2]).toBe('Bekreftet');
      const changes = await db().select().from(findingStatusChanges).where(eq(findingStatusChanges.findingId, run.findingIds[0]!));
      const history = docx.tables[1]!;
      expect(history.slice(1)).toHaveLength(changes.length);
      expect(history[1]!.slice(1)).toEqual(['Foreløpig', 'Bekreftet', shown.statusNote, 'Ingrid Forsker']);

      // The responses table: the first finding's counts as stored; the second below the minimum.
      const responses = docx.tables.find((t) => t[0]![0] === 'Funn' && t[0]![1] === 'Kjenner igjen')!;
      const c = await storedCounts();
      expect(responses[1]!.slice(1)).toEqual([c.kjenner_igjen, c.nyanserer, c.avkrefter, c.total].map(String));
      expect(responses[2]!.slice(1, 4)).toEqual(['', '', '']);
      expect(responses[2]![4]).toBe('Færre enn 3 svar: resultatet vises ikke.');

      // Themes with their dots (3 voters × 2), and the evaluation's distribution per question.
      const themes = docx.tables.find((t) => t[0]![0] === 'Tema')!;
      expect(themes.slice(1)).toEqual([[shown.theme, '6', '1']]);
      const evaluation = docx.tables.find((t) => t[0]![0] === 'Spørsmål')!;
      expect(evaluation.slice(1).map((r) => r[0])).toEqual(run.questions.map((q) => q.text));
      expect(evaluation[1]!.slice(1, 8)).toEqual(['0', '0', '0', '2', '1', '3', '3,3']);
      for (const text of [shown.comment, shown.note, shown.otherNote, shown.evaluation, ...(await visibleNotes())]) expect(docx.text).toContain(text);
    });

    it('makes a PDF with embedded fonts whose text layer holds the same headings, captions and values', async () => {
      const made = await file('pdf');
      const bytes = made.body as Uint8Array;
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      const text = (await readPdfText(bytes)).join('\n');
      for (const heading of ['Funn og status', 'Verksteder', ...run.agenda.map((a) => a.title)]) expect(text).toContain(heading);
      expect(text).toContain('Tabell 1: Funn med status og svar fra deltakerne');
      expect(text).toContain(`Figur 1: Fordeling av svarene (0–4) på «${run.questions[0]!.text}»`);
      // Norwegian letters survive the embedded font: they are text, not shapes.
      for (const s of [shown.note, shown.evaluation, 'Færre enn 3 svar']) expect(text).toContain(s);
    });

    it('makes a workbook with one sheet per kind, Norwegian headers, the values stored and the settings used', async () => {
      const made = await file('xlsx');
      const sheets = await readXlsx(made.body as Uint8Array);
      expect([...sheets.keys()]).toEqual([
        'Funn', 'Statusendringer', 'Funnsvar', 'Kommentarer', 'Gruppenotater', 'Temaer', 'Ordsky', 'Evaluering', 'Evaluering fritekst', 'Spørsmål',
        'Læringspunkter', 'Avtaler', 'Møteevaluering', 'Q-faktorer', 'Q-faktorarrays', 'Utskillende utsagn', 'Innstillinger',
      ]);
      const c = await storedCounts();
      const responses = sheets.get('Funnsvar')!;
      expect(responses[0]).toEqual(['Økt', 'Aktivitet', 'Funn', 'Kjenner igjen', 'Nyanserer', 'Avkrefter', 'Antall svar']);
      // Only the finding with enough answers has a row, and its numbers are numbers.
      expect(responses.slice(1).map((r) => r.slice(3))).toEqual([[c.kjenner_igjen, c.nyanserer, c.avkrefter, c.total]]);
      expect(sheets.get('Gruppenotater')!.slice(1).map((r) => r[3]).sort()).toEqual((await visibleNotes()).sort());
      expect(sheets.get('Kommentarer')!.slice(1).map((r) => r[3])).toEqual([shown.comment]);
      expect(sheets.get('Ordsky')!.slice(1)).toEqual([]);
      const evaluation = sheets.get('Evaluering')!;
      expect(evaluation).toHaveLength(run.questions.length + 1);
      expect(evaluation[1]!.slice(2)).toEqual([run.questions[0]!.text, 0, 0, 0, 2, 1, 3, 10 / 3]);
      const settings = new Map(sheets.get('Innstillinger')!.slice(1).map((r) => [r[0], r[1]]));
      expect(settings.get('Minste antall svar som vises (verksteder)')).toBe('3');
      expect(settings.get('Omfang')).toBe('Hele prosjektet');
    });

    it("holds the meeting's learning points and agreements and the kept Q factors with their arrays, as stored", async () => {
      const docx = await readDocx((await file('docx')).body as Uint8Array);
      const items = await db().select().from(feedbackItems).where(eq(feedbackItems.sessionId, meeting.sessionId));
      expect(items.filter((i) => i.kind === 'learning_point' && !i.hiddenAt).map((i) => i.text)).toEqual([meetingOutcome.learningPoint]);
      expect(docx.text).toContain(meetingOutcome.learningPoint);
      expect(docx.text).not.toContain(meetingOutcome.hiddenPoint);
      // The evaluation's average only where at least three answered.
      const evaluation = docx.tables.find((t) => t[0]![0] === 'Spørsmål' && t[0]!.length === 3)!;
      const safe = items.filter((i) => i.kind === 'evaluation' && i.itemKey === 'safeClimate').map((i) => i.value!);
      expect(evaluation.slice(1)).toEqual([['Det var et trygt klima', String(safe.length), (safe.reduce((a, b) => a + b, 0) / safe.length).toFixed(1).replace('.', ',')]]);
      const agreements = docx.tables.find((t) => t[0]![0] === 'Spesifikk')!;
      const stored = items.find((i) => i.kind === 'agreement')!.data as typeof meetingOutcome.agreement;
      expect(agreements.slice(1)).toEqual([[stored.specific, stored.measurable, stored.acknowledged, stored.realistic, stored.deadline, stored.evaluate]]);

      // The factor arrays: one column per kept factor, one row per statement, the values kept.
      const factors = (await db().select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, study.sessionId), eq(feedbackItems.kind, 'q_factor')))).sort((a, b) => a.itemKey!.localeCompare(b.itemKey!));
      expect(factors.map((f) => f.theme)).toEqual(study.names.map((n) => n.name));
      const statements = readLiveState((await services.live.byId(study.sessionId))!.state).qsort!.statements;
      // A factor no sort defined has no array (which sorts define one may differ with the order the database returns them).
      const withArrays = factors.filter((f) => (f.data as { array: unknown }).array);
      expect(withArrays.length).toBeGreaterThan(0);
      const arrays = docx.tables.find((t) => t[0]![0] === 'Utsagn' && /^F\d+$/.test(t[0]![1] ?? ''))!;
      expect(arrays[0]).toEqual(['Utsagn', ...withArrays.map((f) => `F${(f.data as { number: number }).number}`)]);
      expect(arrays.slice(1)).toHaveLength(statements.length);
      for (const [i, s] of statements.entries()) {
        const kept = withArrays.map((f) => String((f.data as { array: Record<string, number> }).array[s.id]));
        expect(arrays[i + 1]).toEqual([`${i + 1}. ${s.text}`, ...kept]);
      }
      for (const n of study.names) expect(docx.text).toContain(n.description);
      const sheets = await readXlsx((await file('xlsx')).body as Uint8Array);
      expect(sheets.get('Q-faktorer')!.slice(1).map((r) => [r[2], r[3], r[4], r[5]])).toEqual(factors.map((f) => [(f.data as { number: number }).number, f.theme, f.text, f.value]));
      expect(sheets.get('Q-faktorarrays')!.slice(1)).toHaveLength(statements.length * withArrays.length);
      expect(sheets.get('Læringspunkter')!.slice(1).map((r) => r[2])).toEqual([meetingOutcome.learningPoint]);
    });

    it('makes a zip of UTF-8 CSV files with a byte order mark, one per kind', async () => {
      const made = await file('csv');
      expect(made.filename).toMatch(/\.csv\.zip$/);
      const files = await readCsvZip(made.body as Uint8Array);
      expect([...files.keys()]).toContain('notes.csv');
      expect([...files.keys()]).toContain('settings.csv');
      const notes = files.get('notes.csv')!;
      expect(notes.startsWith('\uFEFFØkt;Aktivitet;Gruppe;Tekst\r\n')).toBe(true);
      for (const text of await visibleNotes()) expect(notes).toContain(text);
    });

    it('leaves hidden, redacted and below-minimum items out of every file', async () => {
      const docx = (await readDocx((await file('docx')).body as Uint8Array)).text;
      const pdf = (await readPdfText((await file('pdf')).body as Uint8Array)).join('\n');
      const xlsx = JSON.stringify([...(await readXlsx((await file('xlsx')).body as Uint8Array)).values()]);
      const csv = [...(await readCsvZip((await file('csv')).body as Uint8Array)).values()].join('\n');
      // The texts are in the database (hidden, or below the minimum), so leaving them out is the report's doing.
      const stored = (await db().select({ text: feedbackItems.text }).from(feedbackItems).where(eq(feedbackItems.sessionId, run.sessionId))).map((r) => r.text);
      for (const text of [withheld.hiddenComment, withheld.fewComment, withheld.hiddenNote, withheld.hiddenEvaluation, ...withheld.fewWords]) expect(stored).toContain(text);
      for (const [name, content] of Object.entries({ docx, pdf, xlsx, csv })) {
        for (const text of forbidden) expect(content.includes(text), `${name} holds "${text}"`).toBe(false);
        expect(content.includes(shown.note), `${name} lacks a shown note`).toBe(true);
      }
    });

    it('reports one workshop or one session, in English or nynorsk when asked, and only to members', async () => {
      const workshop = await readDocx((await file('docx', { workshopId: run.workshopId, locale: 'en' })).body as Uint8Array);
      expect(workshop.paragraphs.find((p) => p.style === 'Title')!.text).toMatch(/^Report from the workshop /);
      expect(workshop.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Findings and status', 'Workshops']);
      // A workshop's report lists the findings it showed, not the whole library.
      expect(workshop.tables[0]!.slice(1)).toHaveLength(run.findingIds.length);
      const nynorsk = await readDocx((await file('docx', { workshopId: run.workshopId, locale: 'nn' })).body as Uint8Array);
      expect(nynorsk.paragraphs.find((p) => p.style === 'Title')!.text).toMatch(/^Rapport frå verkstaden /);
      expect(nynorsk.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Funn og status', 'Verkstader']);
      const session = await services.reports.data(owner, projectId, { sessionId: run.sessionId });
      expect(session.ok && session.data.scope === 'session' && session.data.sessions.map((s) => s.id)).toEqual([run.sessionId]);

      // Per is a member of another project only: he gets nothing of this one, and no session of it through his own.
      const other = await services.projects.create(owner, { name: 'Et annet prosjekt' });
      if (!other.ok) throw new Error(other.error.code);
      const { token } = await services.auth.createInvitation(owner, other.data.id);
      const per = await services.auth.registerWithInvitation(token, { name: 'Per', email: 'per@nav.example', password: 'et-annet-passord' });
      if (!per.ok) throw new Error(per.error.code);
      const refused = await services.reports.file(per.data.user.id, projectId, { format: 'docx' });
      expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND');
      const elsewhere = await services.reports.file(per.data.user.id, other.data.id, { format: 'docx', sessionId: run.sessionId });
      expect(elsewhere.ok ? null : elsewhere.error.code).toBe('NOT_FOUND');
      expect((await services.reports.file(owner, projectId, { format: 'odt' })).ok).toBe(false);
    });
  });
}
