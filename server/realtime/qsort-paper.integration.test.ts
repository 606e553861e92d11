import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { qsorts } from '@/db/schema';
import { clientEvents, serverEvents, type JoinResult, type QsortAnalysis } from '@/lib/protocol';
import type { QsortProgress } from '@/lib/qsort/progress';
import { validNationalId } from '../../test/personal-numbers';
import { qStudy } from '../../test/qsort';
import { columnsOf, qsortResearcher } from '../../test/qsort-researcher';
import { eventually } from '../../test/retry';
import { emitAck as emit, sharedServerHarness } from '../../test/server-harness';

const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));

describe('paper sorts typed in by the researcher', () => {
  const h = sharedServerHarness();
  beforeAll(() => h.start());
  afterEach(() => h.closeClients());
  afterAll(() => h.cleanup());

  const researcher = () => qsortResearcher(h);

  it('are stored as finished sorts from paper, counted, analysed with the live ones, and refused column by column when they do not fit', async () => {
    const { services, db, user, cookie, open } = await researcher();
    const sessionId = await open();
    const code = (await services.live.byId(sessionId))!.code;
    const fac = h.socket(cookie);
    const progress: QsortProgress[] = [];
    fac.on(serverEvents.qsortProgress, (p) => progress.push(p));
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId })).toMatchObject({ ok: true });
    const phone = h.socket((await h.joinHttp(code, null)).cookie);
    expect(await emit<JoinResult>(phone, clientEvents.join, { as: 'participant', code })).toMatchObject({ ok: true });

    // Only facilitators type in paper sorts.
    const study = qStudy(3).map((s) => s.state.columns.flat());
    expect(await emit(phone, clientEvents.qsortAddPaperSort, { columns: columnsOf(study[0]!), pseudonym: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A wrong column is named, with what is wrong with it.
    const short = columnsOf(study[0]!);
    short[5] = short[5]!.slice(1);
    expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: short, pseudonym: '' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { 'column.5': 'COUNT' } } });
    const unknown = columnsOf(study[0]!);
    unknown[0] = ['77'];
    expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: unknown, pseudonym: '' })).toMatchObject({ ok: false, error: { fields: { 'column.0': 'UNKNOWN' } } });
    const twice = columnsOf(study[0]!);
    twice[10] = [twice[2]![0]!];
    expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: twice, pseudonym: '' })).toMatchObject({ ok: false, error: { fields: { 'column.10': 'DUPLICATE' } } });
    // The pseudonym is guarded like every free text.
    expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: columnsOf(study[0]!), pseudonym: `Kari ${validNationalId()}` })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { pseudonym: 'PERSONAL_DATA' } } });
    expect(await db.select().from(qsorts).where(eq(qsorts.sessionId, sessionId))).toHaveLength(0);

    // Two paper sorts and one from a phone.
    for (const [i, order] of study.slice(0, 2).entries()) {
      expect(await emit<{ id: string }>(fac, clientEvents.qsortAddPaperSort, { columns: columnsOf(order), pseudonym: `Papir ${i + 1}` })).toMatchObject({ ok: true });
    }
    expect(await emit(phone, clientEvents.qsortSave, { rev: 1, state: { ...qStudy(3)[2]!.state, pseudonym: 'Måke' } })).toEqual({ ok: true, data: { status: 'done' } });
    await eventually(() => expect(progress.at(-1)).toMatchObject({ done: 3, paper: 2 }));
    const rows = await db.select({ source: qsorts.source, participantId: qsorts.participantId }).from(qsorts).where(eq(qsorts.sessionId, sessionId));
    expect(rows.map((r) => r.source).sort()).toEqual(['live', 'paper', 'paper']);
    expect(rows.filter((r) => r.source === 'paper').every((r) => r.participantId === null)).toBe(true);
    expect((await services.qsort.finished(sessionId)).map((s) => s.name)).toEqual(['Papir 1', 'Papir 2', 'Måke']);
    expect((await services.qsort.finished(sessionId))[0]!.state.columns).toEqual(columnsOf(study[0]!));

    const analysed = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options: { factors: 2, extraction: 'pca', rotation: 'varimax' } });
    if (!analysed.ok) throw new Error(analysed.error.code);
    expect(analysed.data.result.sorts).toEqual(['Papir 1', 'Papir 2', 'Måke']);
    expect(ids.every((id) => analysed.data.result.statements.includes(id))).toBe(true);
    // The result files say which sorts came from paper.
    const file = await services.qsortExport.file(user.id, sessionId, { format: 'json', options: { factors: 2, extraction: 'pca', rotation: 'varimax' }, sortSet: analysed.data.sortSet, locale: 'nb' });
    if (!file.ok) throw new Error(file.error.code);
    expect(JSON.parse(file.data.body as string).settings.paperSorts).toEqual(['Papir 1', 'Papir 2']);
  });

  it('come in from a qmethod CSV — another session’s export — all of them or none', async () => {
    const { services, db, user, cookie, open } = await researcher();
    // The first session's sorts, exported as the console offers them.
    const first = await open();
    const fac = h.socket(cookie);
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: first })).toMatchObject({ ok: true });
    for (const [i, sort] of qStudy(5).entries()) expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: sort.state.columns, pseudonym: `Kontor A ${i + 1}` })).toMatchObject({ ok: true });
    const exported = await services.qsortExport.file(user.id, first, { format: 'csv', locale: 'nb' });
    if (!exported.ok) throw new Error(exported.error.code);
    const csv = exported.data.body as string;

    const second = await open();
    const other = h.socket(cookie);
    expect(await emit(other, clientEvents.join, { as: 'facilitator', sessionId: second })).toMatchObject({ ok: true });
    // A broken file brings nothing in, and says which sort is at fault.
    const lines = csv.trim().split(/\r?\n/);
    const broken = [lines[0], ...lines.slice(1).map((line, s) => (s === 0 ? line.replace(/,(-?\d+)$/, (_, v: string) => (v === '-5' ? ',5' : ',-5')) : line))].join('\n');
    expect(await emit(other, clientEvents.qsortImportSorts, { text: broken })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { file: 'SORT_DOES_NOT_FIT', sort: 'Kontor A 5' } } });
    expect(await emit(other, clientEvents.qsortImportSorts, { text: csv.replace('Kontor A 2', `Ring ${validNationalId()}`) })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { file: 'PERSONAL_DATA' } } });
    expect(await db.select().from(qsorts).where(eq(qsorts.sessionId, second))).toHaveLength(0);

    expect(await emit(other, clientEvents.qsortImportSorts, { text: csv })).toEqual({ ok: true, data: { imported: 5 } });
    const finished = await services.qsort.finished(second);
    expect(finished.map((s) => [s.name, s.source])).toEqual(qStudy(5).map((_, i) => [`Kontor A ${i + 1}`, 'import']));
    expect(finished.map((s) => s.state.columns.map((c) => [...c].sort()))).toEqual((await services.qsort.finished(first)).map((s) => s.state.columns.map((c) => [...c].sort())));
    expect(await emit(h.socket((await h.joinHttp((await services.live.byId(second))!.code, null)).cookie), clientEvents.qsortImportSorts, { text: csv })).toMatchObject({ ok: false });
    // The first session's PQMethod .DAT comes in too: statements by place, sorts by their PQMethod ids.
    const dat = await services.qsortExport.file(user.id, first, { format: 'dat', locale: 'nb' });
    if (!dat.ok) throw new Error(dat.error.code);
    const third = await open();
    const another = h.socket(cookie);
    expect(await emit(another, clientEvents.join, { as: 'facilitator', sessionId: third })).toMatchObject({ ok: true });
    expect(await emit(another, clientEvents.qsortImportSorts, { text: dat.data.body as string })).toEqual({ ok: true, data: { imported: 5 } });
    expect((await services.qsort.finished(third)).map((s) => s.state.columns.map((c) => [...c].sort()))).toEqual(finished.map((s) => s.state.columns.map((c) => [...c].sort())));
  });
});
