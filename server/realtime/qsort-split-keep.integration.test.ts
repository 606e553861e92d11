import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, type QsortAnalysis } from '@/lib/protocol';
import { buildReportDocument } from '@/lib/reports/build-document';
import { qStudy } from '../../test/qsort';
import { columnsOf, qsortResearcher } from '../../test/qsort-researcher';
import { emitAck as emit, sharedServerHarness } from '../../test/server-harness';


describe('a split factor kept as feedback', () => {
  const h = sharedServerHarness();
  beforeAll(() => h.start());
  afterEach(() => h.closeClients());
  afterAll(() => h.cleanup());

  it('is named as the console names it (1a, 1b, 2) on the feedback page and in the project report, not by its column', async () => {
    const { services, user, cookie, projectId, open } = await qsortResearcher(h);
    const sessionId = await open();
    const fac = h.socket(cookie);
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId })).toMatchObject({ ok: true });
    // Six paper sorts: a viewpoint, its mirror image and a third, so the first factor is bipolar.
    for (const [i, sort] of qStudy(6).entries()) {
      const order = sort.state.columns.flat();
      expect(await emit(fac, clientEvents.qsortAddPaperSort, { columns: columnsOf(order), pseudonym: `Papir ${i + 1}` })).toMatchObject({ ok: true });
    }
    const options = { factors: 2, extraction: 'pca', rotation: 'varimax', split: [1] } as const;
    const analysed = await emit<QsortAnalysis>(fac, clientEvents.qsortAnalyze, { options });
    if (!analysed.ok) throw new Error(analysed.error.code);
    expect(analysed.data.result.factorLabels).toEqual(['1a', '1b', '2']);
    const names = [{ name: 'Brukeren først', description: '' }, { name: 'Regelverket først', description: '' }, { name: 'Arbeid først', description: '' }];
    expect(await emit(fac, clientEvents.qsortKeepFactors, { options, names })).toMatchObject({ ok: true, data: { kept: 3 } });

    const studies = await services.feedbackArchive.qsortStudies(user.id, projectId);
    if (!studies.ok) throw new Error(studies.error.code);
    const study = studies.data.find((s) => s.sessionId === sessionId)!;
    expect(study.factors.map((f) => [f.number, f.label ?? null, f.name])).toEqual([[1, '1a', 'Brukeren først'], [2, '1b', 'Regelverket først'], [3, '2', 'Arbeid først']]);

    const report = await services.reports.data(user.id, projectId, {});
    if (!report.ok) throw new Error(report.error.code);
    const headings = buildReportDocument(report.data, 'nb').blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(headings).toEqual(expect.arrayContaining(['Faktor 1a: Brukeren først', 'Faktor 1b: Regelverket først', 'Faktor 2: Arbeid først']));
  });
});
