import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, serverEvents, type JoinResult, type QsortAnalysis } from '@/lib/protocol';
import type { MergeCandidate } from '@/lib/qsort/merge';
import type { QsortProgress } from '@/lib/qsort/progress';
import { qStudy } from '../../test/qsort';
import { columnsOf, qsortResearcher } from '../../test/qsort-researcher';
import { readDocx } from '../../test/report-files';
import { eventually } from '../../test/retry';
import { emitAck as emit, sharedServerHarness } from '../../test/server-harness';


describe('merging Q-sort sessions of the same statements into one study', () => {
  const h = sharedServerHarness();
  beforeAll(() => h.start());
  afterEach(() => h.closeClients());
  afterAll(() => h.cleanup());

  const researcher = () => qsortResearcher(h);

  it('lists the project’s matching Q-sorts, takes one in with its sources, follows an erasure there, and lets it go', async () => {
    const { services, user, cookie, open } = await researcher();
    const first = await open();
    const second = await open();
    const study = qStudy(4).map((s) => s.state.columns.flat());

    // The first session: two paper sorts and one from a phone.
    const facA = h.socket(cookie);
    expect(await emit(facA, clientEvents.join, { as: 'facilitator', sessionId: first })).toMatchObject({ ok: true });
    for (const [i, order] of study.slice(0, 2).entries()) {
      expect(await emit(facA, clientEvents.qsortAddPaperSort, { columns: columnsOf(order), pseudonym: `Papir ${i + 1}` })).toMatchObject({ ok: true });
    }
    const codeA = (await services.live.byId(first))!.code;
    const phone = h.socket((await h.joinHttp(codeA, null)).cookie);
    expect(await emit<JoinResult>(phone, clientEvents.join, { as: 'participant', code: codeA })).toMatchObject({ ok: true });
    expect(await emit(phone, clientEvents.qsortSave, { rev: 1, state: { ...qStudy(4)[2]!.state, pseudonym: 'Måke' } })).toEqual({ ok: true, data: { status: 'done' } });

    // The second: one paper sort of its own, and a console that lists the first.
    const facB = h.socket(cookie);
    const progress: QsortProgress[] = [];
    facB.on(serverEvents.qsortProgress, (p) => progress.push(p));
    expect(await emit(facB, clientEvents.join, { as: 'facilitator', sessionId: second })).toMatchObject({ ok: true });
    expect(await emit(facB, clientEvents.qsortAddPaperSort, { columns: columnsOf(study[3]!), pseudonym: 'Egen' })).toMatchObject({ ok: true });
    const titleA = (await services.live.byId(first))!.title;
    const listed = await emit<MergeCandidate[]>(facB, clientEvents.qsortMerge, {});
    expect(listed).toEqual({ ok: true, data: [expect.objectContaining({ sessionId: first, activityId: '', title: titleA, done: 3, merged: false })] });

    // A participant cannot, and a session of another project is not there to take.
    const codeB = (await services.live.byId(second))!.code;
    const phoneB = h.socket((await h.joinHttp(codeB, null)).cookie);
    expect(await emit<JoinResult>(phoneB, clientEvents.join, { as: 'participant', code: codeB })).toMatchObject({ ok: true });
    expect(await emit(phoneB, clientEvents.qsortMerge, { change: { session: first, merged: true } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const stranger = await researcher();
    const theirs = await stranger.open();
    expect(await emit(facB, clientEvents.qsortMerge, { change: { session: theirs, merged: true } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { study: 'NOT_FOUND' } } });

    const merged = await emit<MergeCandidate[]>(facB, clientEvents.qsortMerge, { change: { session: first, merged: true } });
    expect(merged).toMatchObject({ ok: true, data: [{ sessionId: first, merged: true }] });
    await eventually(() => expect(progress.at(-1)).toMatchObject({ done: 4, paper: 1, merged: 3 }));
    const sorts = await services.qsort.finished(second);
    expect(sorts.map((s) => [s.name, s.source, s.study ?? null])).toEqual([
      ['Egen', 'paper', null],
      ['Papir 1', 'paper', titleA],
      ['Papir 2', 'paper', titleA],
      ['Måke', 'live', titleA],
    ]);

    // The study analyses all four, and its files say where each came from.
    const options = { factors: 2, extraction: 'pca', rotation: 'varimax' } as const;
    const analysed = await emit<QsortAnalysis>(facB, clientEvents.qsortAnalyze, { options });
    if (!analysed.ok) throw new Error(analysed.error.code);
    expect(analysed.data.result.sorts).toEqual(['Egen', 'Papir 1', 'Papir 2', 'Måke']);
    const json = await services.qsortExport.file(user.id, second, { format: 'json', options, sortSet: analysed.data.sortSet, locale: 'nb' });
    if (!json.ok) throw new Error(json.error.code);
    expect(JSON.parse(json.data.body as string).settings.history.map((s: { sort: string; source: string; study?: string }) => [s.sort, s.source, s.study ?? null])).toEqual(sorts.map((s) => [s.name, s.source, s.study ?? null]));
    const word = await services.qsortExport.file(user.id, second, { format: 'docx', options, sortSet: analysed.data.sortSet, locale: 'nb' });
    if (!word.ok) throw new Error(word.error.code);
    expect((await readDocx(word.data.body as Uint8Array)).text).toContain(`3 av dem kommer fra andre økter som er slått sammen med denne: «${titleA}».`);

    // Linked, not copied: the phone's participant erased in the first session is gone from the study.
    expect(await emit(facA, clientEvents.eraseParticipant, { sessionId: first, number: 1 })).toMatchObject({ ok: true });
    expect((await services.qsort.finished(second)).map((s) => s.name)).toEqual(['Egen', 'Papir 1', 'Papir 2']);

    // A command naming another project's Q-sort directly changes nothing the study reads.
    expect(await emit(facB, clientEvents.command, { sessionId: second, command: { type: 'qsort', command: { type: 'merge', study: { sessionId: theirs, activityId: '' }, merged: true } } })).toMatchObject({ ok: true });
    expect((await services.qsort.finished(second)).map((s) => s.name)).toEqual(['Egen', 'Papir 1', 'Papir 2']);

    // Let go: the study is its own sorts again.
    expect(await emit(facB, clientEvents.qsortMerge, { change: { session: first, merged: false } })).toMatchObject({ ok: true, data: [{ sessionId: first, merged: false }] });
    expect((await services.qsort.finished(second)).map((s) => s.name)).toEqual(['Egen']);
    await eventually(() => expect(progress.at(-1)).toMatchObject({ done: 1, merged: 0 }));
  });
});
