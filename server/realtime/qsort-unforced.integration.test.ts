import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, type JoinResult, type QsortAnalysis } from '@/lib/protocol';
import { seedGrid } from '@/lib/qsort/grid';
import { emptySort, type SortState } from '@/lib/qsort/sort';
import { qsortResearcher } from '../../test/qsort-researcher';
import { emitAck as emit, sharedServerHarness } from '../../test/server-harness';

const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
/** A finished sort with its statements heaped in a few columns, as an unforced grid allows and a forced one does not. */
const lopsided = (shift: number): SortState => {
  const columns = seedGrid.counts.map(() => [] as string[]);
  ids.forEach((id, i) => columns[(i * 7 + shift) % 5 + 3]!.push(id));
  return { ...emptySort(seedGrid), step: 'done', columns, pseudonym: `Fri ${shift}` };
};

describe('an unforced distribution, from the statement set to the files', () => {
  const h = sharedServerHarness();
  beforeAll(() => h.start());
  afterEach(() => h.closeClients());
  afterAll(() => h.cleanup());

  it('takes sorts that do not fill the grid exactly, from phones and paper, analyses them and says so in the files', async () => {
    const { services, user, cookie, set, open } = await qsortResearcher(h);
    const phoneIn = async (sessionId: string) => {
      const code = (await services.live.byId(sessionId))!.code;
      const phone = h.socket((await h.joinHttp(code, null)).cookie);
      expect(await emit<JoinResult>(phone, clientEvents.join, { as: 'participant', code })).toMatchObject({ ok: true });
      return phone;
    };

    // Forced (the set as it is): the lopsided sort does not fit.
    const forcedSession = await open();
    expect(await emit(await phoneIn(forcedSession), clientEvents.qsortSave, { rev: 1, state: lopsided(0) })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    expect(await services.statementSets.saveGrid(user.id, set.id, { ...seedGrid, forced: false })).toMatchObject({ ok: true, data: { grid: { forced: false } } });
    const sessionId = await open();
    for (const shift of [0, 1, 2]) expect(await emit(await phoneIn(sessionId), clientEvents.qsortSave, { rev: 1, state: lopsided(shift) })).toEqual({ ok: true, data: { status: 'done' } });
    // A sort that leaves a statement out is still not finished.
    const partial = lopsided(3);
    partial.columns[3] = partial.columns[3]!.slice(1);
    expect(await emit(await phoneIn(sessionId), clientEvents.qsortSave, { rev: 1, state: partial })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { grid: 'INCOMPLETE' } } });

    const fac = h.socket(cookie);
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId })).toMatchObject({ ok: true });
    expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: lopsided(4).columns, pseudonym: 'Papir' })).toMatchObject({ ok: true });
    const missing = lopsided(4).columns.map((c, i) => (i === 3 ? c.slice(1) : c));
    expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: missing, pseudonym: 'Papir 2' })).toMatchObject({ ok: false, error: { fields: { columns: 'COUNT' } } });

    const options = { factors: 2, extraction: 'pca', rotation: 'varimax' } as const;
    const analysed = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options });
    if (!analysed.ok) throw new Error(analysed.error.code);
    expect(analysed.data.result.sorts).toEqual(['Fri 0', 'Fri 1', 'Fri 2', 'Papir']);
    const file = await services.qsortExport.file(user.id, sessionId, { format: 'json', options, sortSet: analysed.data.sortSet, locale: 'nb' });
    if (!file.ok) throw new Error(file.error.code);
    expect(JSON.parse(file.data.body as string).settings.forced).toBe(false);
  });
});
