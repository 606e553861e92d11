import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems, statementSets } from '@/db/schema';
import { formatDecimal } from '@/lib/i18n/format';
import { clientEvents, serverEvents, type JoinResult, type QsortAnalysis } from '@/lib/protocol';
import type { PublicAnalysis } from '@/lib/qsort/analysis';
import { seedGrid } from '@/lib/qsort/grid';
import type { QsortProgress } from '@/lib/qsort/progress';
import { emptySort, place } from '@/lib/qsort/sort';
import { seedDemoProject } from '../demo/seed-demo';
import { sortIn } from '../../test/qsort';
import { readDocx } from '../../test/report-files';
import { eventually } from '../../test/retry';
import { emitAck as emit, serverHarness, type TestSocket } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;
/** Save revisions only grow, as a device's do. */
let revs = 10;
const nextRev = () => ++revs;
const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));

describe('a Q-sort over the realtime server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('saves sorts as they grow, resumes them, analyses the finished ones and shows only arrays on the screen', async () => {
    const { user, cookie } = await h.facilitator();
    const services = h.server.services;
    const db = services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const opened = await services.qsort.open(user.id, projectId, set!.id);
    if (!opened.ok) throw new Error(opened.error.code);
    const session = (await services.live.byId(opened.data.sessionId))!;

    const fac = h.socket(cookie);
    const progress: QsortProgress[] = [];
    fac.on(serverEvents.qsortProgress, (p) => progress.push(p));
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const screen = h.socket(cookie);
    const shown: (PublicAnalysis | null)[] = [];
    screen.on(serverEvents.qsortPublic, (v) => shown.push(v));
    await emit(screen, clientEvents.join, { as: 'presenter', sessionId: session.id });

    // No names are taken in a Q-sort.
    expect((await h.joinHttp(session.code, 'Kari')).body).toMatchObject({ ok: true, data: { displayName: null } });
    const phones: TestSocket[] = [];
    for (let i = 0; i < 4; i++) {
      const { cookie: pc } = await h.joinHttp(session.code, null);
      const socket = h.socket(pc);
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: session.code });
      if (!join.ok) throw new Error('join');
      phones.push(socket);
    }
    const [a, b, c, d] = phones as [TestSocket, TestSocket, TestSocket, TestSocket];

    // Half-way saves come back after a reconnect; bad sorts and personal data are refused.
    let partial = place(emptySort(seedGrid), seedGrid, '7', 10)!;
    partial = { ...partial, step: 'grid', piles: { '7': 'agree', '3': 'disagree' } };
    expect(await emit(a, clientEvents.qsortSave, { rev: nextRev(), state: partial })).toEqual({ ok: true, data: { status: 'sorting' } });
    expect(await emit(a, clientEvents.qsortMine, {})).toEqual({ ok: true, data: { state: partial, rev: revs } });
    // An older save arriving late changes nothing.
    expect(await emit(a, clientEvents.qsortSave, { rev: revs - 1, state: emptySort(seedGrid) })).toEqual({ ok: true, data: { status: 'sorting' } });
    expect(await emit(a, clientEvents.qsortMine, {})).toMatchObject({ ok: true, data: { state: partial } });
    expect(await emit(a, clientEvents.qsortSave, { rev: nextRev(), state: { ...partial, columns: [['1', '2'], ...partial.columns.slice(1)] } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await emit(a, clientEvents.qsortSave, { rev: nextRev(), state: { ...partial, step: 'done' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { grid: 'INCOMPLETE' } } });
    expect(await emit(a, clientEvents.qsortSave, { rev: nextRev(), state: { ...partial, comments: { '7': 'Ring meg på 912 34 567' } } })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { 'comment.7': 'PERSONAL_DATA' } } });
    expect(await emit(a, clientEvents.qsortHelp, { statement: '7', on: true })).toEqual({ ok: true, data: null });
    await eventually(() => expect(progress.at(-1)).toMatchObject({ sorting: 1, done: 0, help: [{ statement: '7' }] }));

    // Fewer than two finished sorts: nothing to analyse yet.
    expect(await emit(fac, clientEvents.qsortAnalyze, { options: { factors: 2, extraction: 'centroid', rotation: 'varimax' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const reversed = [...ids].reverse();
    const shuffled = [...ids.filter((_, i) => i % 2 === 0), ...ids.filter((_, i) => i % 2 === 1)];
    const done = { ...sortIn(ids, 'Måke'), comments: { '36': 'Dette er kjernen' }, missing: 'Ingenting om tiltak' };
    for (const [socket, state] of [[a, done], [b, sortIn(reversed)], [c, sortIn(shuffled, 'Måke')], [d, sortIn([...ids.slice(3), ...ids.slice(0, 3)])]] as const) {
      expect(await emit(socket, clientEvents.qsortSave, { rev: nextRev(), state })).toEqual({ ok: true, data: { status: 'done' } });
    }
    await eventually(() => expect(progress.at(-1)).toMatchObject({ sorting: 0, done: 4 }));
    // A submitted sort stays submitted: a late save from before the submission is ignored.
    expect(await emit(a, clientEvents.qsortSave, { rev: nextRev(), state: { ...done, step: 'review' } })).toEqual({ ok: true, data: { status: 'done' } });
    expect((await h.server.services.qsort.finished(session.id)).length).toBe(4);

    const steps: string[] = [];
    fac.on(serverEvents.qsortAnalysisStep, ({ step }: { step: string }) => steps.push(step));
    const analysed = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options: { factors: 2, extraction: 'pca', rotation: 'varimax' } });
    if (!analysed.ok) throw new Error(analysed.error.code);
    // The one who asked heard each step before the answer; nothing was left to cancel after it.
    expect(steps).toEqual(['correlate', 'extract', 'rotate', 'score']);
    expect(await emit(fac, clientEvents.qsortCancelAnalysis, {})).toEqual({ ok: true, data: { cancelled: false } });
    expect(await emit(a, clientEvents.qsortCancelAnalysis, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(analysed.data.result.sorts).toEqual(['Måke', 'Q2', 'Måke (2)', 'Q4']);
    expect(analysed.data.result.factorArrays).toHaveLength(36);
    expect(analysed.data.scree).toHaveLength(4);
    expect(analysed.data.scree.reduce((x, y) => x + y, 0)).toBeCloseTo(4, 6);

    // Participants cannot analyse; the screen gets arrays and distinguishing statements only.
    expect(await emit(a, clientEvents.qsortAnalyze, { options: { factors: 2, extraction: 'pca', rotation: 'varimax' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'qsort', command: { type: 'display', options: { factors: 2, extraction: 'pca', rotation: 'varimax' } } } });
    await eventually(() => expect(shown.at(-1)?.factors).toHaveLength(2));
    const view = JSON.stringify(shown.at(-1));
    expect(view).not.toContain('Måke');
    expect(view).not.toContain('loading');

    const kept = await emit<{ kept: number }>(fac, clientEvents.qsortKeepFactors, {
      options: { factors: 2, extraction: 'pca', rotation: 'varimax' },
      names: [{ name: 'Lovverket først', description: 'Forvaltning som grunnlag' }, { name: 'Brukeren først', description: 'Relasjonen bærer' }],
    });
    expect(kept).toEqual({ ok: true, data: { kept: 2 } });
    const items = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id));
    expect(items.filter((i) => i.kind === 'q_factor').map((i) => i.theme).sort()).toEqual(['Brukeren først', 'Lovverket først']);
    expect(items.filter((i) => i.kind === 'q_comment').map((i) => i.text).sort()).toEqual(['Dette er kjernen', 'Ingenting om tiltak']);
    await eventually(() => expect(shown.at(-1)?.factors[0]?.name).toBe('Lovverket først'));

    // Result files hold exactly the analysis on the screen: manual flags, settings and names, and
    // they are refused once the finished sorts are no longer those it ran on.
    const flags = Object.fromEntries(analysed.data.sortIds.map((id, j) => [id, [j % 2 === 0, j % 2 === 1]]));
    const manual = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options: { factors: 2, extraction: 'pca', rotation: 'varimax', flags } });
    if (!manual.ok) throw new Error(manual.error.code);
    expect(manual.data.result.flagging).toBe('manual');
    expect(manual.data.result.flagged).not.toEqual(analysed.data.result.flagged);
    const request = { options: { factors: 2, extraction: 'pca', rotation: 'varimax', flags }, sortSet: manual.data.sortSet, locale: 'nb' };
    const json = await services.qsortExport.file(user.id, session.id, { ...request, format: 'json' });
    if (!json.ok) throw new Error(json.error.code);
    const file = JSON.parse(json.data.body as string);
    expect(file.flagged).toEqual(manual.data.result.flagged);
    expect(file.loadings).toEqual(manual.data.result.loadings);
    expect(file.zscores).toEqual(manual.data.result.zscores);
    expect(file.settings).toMatchObject({ sortCount: 4, factors: 2, extraction: 'pca', rotation: 'varimax', flagging: 'manual', factorNames: [{ number: 1, name: 'Lovverket først' }, { number: 2, name: 'Brukeren først' }] });
    // The name says which analysis it is, and keeps the ø of «først».
    expect(set!.name).toBe('Q-utsagn fra Arbeid først');
    expect(json.data.filename).toMatch(/^q-utsagn-fra-arbeid-først-k2-pca-varimax-manuell-flagging-\d{4}-\d{2}-\d{2}\.json$/u);
    const automatic = await services.qsortExport.file(user.id, session.id, { ...request, options: { factors: 2, extraction: 'pca', rotation: 'varimax' }, format: 'json' });
    if (!automatic.ok) throw new Error(automatic.error.code);
    expect(JSON.parse(automatic.data.body as string).flagged).toEqual(analysed.data.result.flagged);
    // The researcher's choices: the console's analysis and the file agree, and the name says them.
    const chosen = { factors: 2, extraction: 'pca', rotation: 'varimax', correlation: 'kendall', flagRule: { significance: 0.01, majority: false } } as const;
    const onScreen = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options: chosen });
    if (!onScreen.ok) throw new Error(onScreen.error.code);
    expect(onScreen.data.result).toMatchObject({ correlation: 'kendall', flagRule: { significance: 0.01, majority: false } });
    const chosenFile = await services.qsortExport.file(user.id, session.id, { ...request, options: chosen, format: 'json' });
    if (!chosenFile.ok) throw new Error(chosenFile.error.code);
    const chosenJson = JSON.parse(chosenFile.data.body as string);
    expect(chosenJson.loadings).toEqual(onScreen.data.result.loadings);
    expect(chosenJson.flagged).toEqual(onScreen.data.result.flagged);
    expect(chosenJson.settings).toMatchObject({ correlation: 'kendall', flagRule: { significance: 0.01, majority: false } });
    expect(chosenFile.data.filename).toMatch(/^q-utsagn-fra-arbeid-først-k2-pca-varimax-kendall-p0\.01-uten-flertallsregel-\d{4}-\d{2}-\d{2}\.json$/u);
    // The Word report: the same analysis, its loadings as the console rounds them, and the sorts' history.
    const word = await services.qsortExport.file(user.id, session.id, { ...request, options: chosen, format: 'docx' });
    if (!word.ok) throw new Error(word.error.code);
    expect(word.data.filename).toMatch(/-kendall-p0\.01-uten-flertallsregel-\d{4}-\d{2}-\d{2}\.docx$/u);
    const docx = await readDocx(word.data.body as Uint8Array);
    expect(docx.paragraphs[0]!.text).toBe('Q-studie: Q-utsagn fra Arbeid først');
    const rotated = docx.tables.filter((t) => t[0]!.at(-1) === 'h²')[1]!;
    expect(rotated.slice(1).map((row) => row.slice(1, 3))).toEqual(onScreen.data.result.loadings.map((row, i) => row.map((v, f) => `${formatDecimal('nb', v, 2)}${onScreen.data.result.flagged[i]![f] ? ' X' : ''}`)));
    expect(docx.text).toContain(`${onScreen.data.result.sorts.length} sorteringer: ${onScreen.data.result.sorts.length} sortert på enhet, 0 lagt inn fra papir, 0 importert fra fil.`);
    const late = h.socket((await h.joinHttp(session.code, null)).cookie);
    expect(await emit<JoinResult>(late, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });
    expect(await emit(late, clientEvents.qsortSave, { rev: nextRev(), state: sortIn(reversed) })).toEqual({ ok: true, data: { status: 'done' } });
    expect(await services.qsortExport.file(user.id, session.id, { ...request, format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await services.qsortExport.file(user.id, session.id, { ...request, options: { ...request.options, flags: null }, format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    // The study outlives its statement set: the session keeps its own copy of the statements.
    expect((await services.statementSets.remove(user.id, set!.id)).ok).toBe(true);
    expect((await services.qsort.finished(session.id)).length).toBe(5);
    expect(await emit(a, clientEvents.qsortHelp, { statement: null, on: true })).toEqual({ ok: true, data: null });
  });
});
