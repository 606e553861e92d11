import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { studyTables } from '@/lib/qmethod/study-tables';
import { analysisInput, factorAdviceOf, runAnalysis } from '@/lib/qsort/analysis';
import { seedGrid } from '@/lib/qsort/grid';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { buildQStudyReport } from '@/lib/reports/q-study-report';
import { reportToDocx } from '../reports/docx';
import { qStudy } from '../../test/qsort';
import { readDocx } from '../../test/report-files';
import { createAnalysisRunner } from './analysis-runner';

const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
const runtime: QsortRuntime = { setId: '00000000-0000-4000-8000-000000000009', setName: 'Studie', grid: seedGrid, instructions: {}, statements: ids.map((id) => ({ id, text: `Utsagn ${id}` })), open: false, display: null, factorNames: [], merged: [] };

describe('the analysis runner (a worker thread)', () => {
  const runner = createAnalysisRunner();
  afterAll(() => runner.close());

  it('gives exactly the numbers and refusals of the engine run inline, manual flags included', async () => {
    const sorts = qStudy(25);
    const flags = Object.fromEntries(sorts.map((s, j) => [s.id, [j % 2 === 0, j % 2 === 1]]));
    for (const options of [{ factors: 3, extraction: 'centroid', rotation: 'varimax' }, { factors: 2, extraction: 'pca', rotation: 'none', flags }, { factors: 40, extraction: 'pca', rotation: 'varimax' }] as const) {
      expect(await runner.run(runtime, sorts, options)).toEqual(runAnalysis(runtime, sorts, options));
    }
  });

  it('works out the help with choosing k in the worker, the same as inline, with the same result beside it', async () => {
    const sorts = qStudy(25);
    const options = { factors: 3, extraction: 'pca', rotation: 'varimax' } as const;
    const inline = runAnalysis(runtime, sorts, options);
    if (!inline.ok) throw new Error(inline.error.message);
    expect(await runner.runWithAdvice(runtime, sorts, options)).toEqual({ ok: true, value: { result: inline.value, advice: factorAdviceOf(runtime, sorts, options) } });
    const kendall = { ...options, correlation: 'kendall' } as const;
    expect(await runner.runWithAdvice(runtime, sorts, kendall)).toMatchObject({ ok: true, value: { advice: factorAdviceOf(runtime, sorts, kendall) } });
    // A refused analysis is refused alike, with no scree to go with it.
    expect(await runner.runWithAdvice(runtime, sorts, { ...options, factors: 40 })).toEqual(runAnalysis(runtime, sorts, { ...options, factors: 40 }));
  });

  it('keeps this thread free while a large study is analysed: its event loop stalls far less than the analysis lasts inline', { timeout: 120_000 }, async () => {
    const sorts = qStudy(600);
    const options = { factors: 3, extraction: 'pca', rotation: 'varimax' } as const;
    await runner.run(runtime, qStudy(3), options); // a warm worker, as after the first analysis of a session
    const inlineStart = performance.now();
    const inline = runAnalysis(runtime, sorts, options);
    const inlineMs = performance.now() - inlineStart;
    expect(inline.ok).toBe(true);
    // Without a long analysis there is nothing to show; 600 sorts take seconds on any machine here.
    expect(inlineMs).toBeGreaterThan(500);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const result = await runner.run(runtime, sorts, options);
    const workerMs = performance.now() - started;
    delay.disable();
    expect(result).toEqual(inline);
    const worstStallMs = delay.max / 1e6;
    // Inline, the whole analysis is one stall; in the worker the loop only waits its turns.
    expect(worstStallMs, `worst stall ${worstStallMs.toFixed(0)} ms during a ${workerMs.toFixed(0)} ms analysis (inline ${inlineMs.toFixed(0)} ms)`).toBeLessThan(inlineMs / 4);
  });

  it('renders the Word report in the worker: the same document as inline, and this thread stays free', { timeout: 120_000 }, async () => {
    // 299 sorts: PQMethod's limit, so the report has its whole sort × sort matrix.
    const sorts = qStudy(299);
    const options = { factors: 3, extraction: 'pca', rotation: 'varimax' } as const;
    const inline = runAnalysis(runtime, sorts, options);
    if (!inline.ok) throw new Error(inline.error.message);
    const record = { study: 'Studie', analysedAt: '2026-12-01T10:00:00.000Z', factorNames: [], history: sorts.map((s) => ({ sort: s.name, source: 'live' as const, at: null })) };
    const texts = runtime.statements.map((s) => s.text);
    const inlineStart = performance.now();
    const inlineBytes = await reportToDocx(buildQStudyReport({ result: inline.value, tables: studyTables(analysisInput(runtime, sorts), inline.value), record, texts }, 'nb'));
    const inlineMs = performance.now() - inlineStart;
    expect(inlineMs).toBeGreaterThan(500);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const rendered = await runner.runFile(runtime, sorts, options, { format: 'docx', locale: 'nb', record, texts });
    delay.disable();
    if (!rendered.ok) throw new Error(rendered.error.message);
    expect(rendered.value.result).toEqual(inline.value);
    expect((await readDocx(rendered.value.bytes)).tables).toEqual((await readDocx(inlineBytes)).tables);
    const worstStallMs = delay.max / 1e6;
    expect(worstStallMs, `worst stall ${worstStallMs.toFixed(0)} ms; rendering inline took ${inlineMs.toFixed(0)} ms`).toBeLessThan(inlineMs / 4);
  });

  it('says each step, and cancels a running analysis at once while the queue goes on', { timeout: 120_000 }, async () => {
    const steps: string[] = [];
    const small = await runner.run(runtime, qStudy(10), { factors: 2, extraction: 'centroid', rotation: 'varimax' }, { onStep: (s) => steps.push(s) });
    expect(small.ok).toBe(true);
    expect(steps).toEqual(['correlate', 'extract', 'rotate', 'score']);

    const large = qStudy(600);
    const options = { factors: 3, extraction: 'pca', rotation: 'varimax' } as const;
    const inlineStart = performance.now();
    runAnalysis(runtime, large, options);
    const inlineMs = performance.now() - inlineStart;
    let extracting!: () => void;
    const reached = new Promise<void>((resolve) => (extracting = resolve));
    const started = performance.now();
    const mine = runner.run(runtime, large, options, { key: 'console:a', onStep: (s) => s === 'extract' && extracting() });
    const waiting = runner.run(runtime, large, options, { key: 'console:a' });
    const other = runner.run(runtime, qStudy(10), options, { key: 'console:b' });
    await reached;
    expect(runner.cancel('console:a')).toBe(true);
    expect(await mine).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'the analysis was cancelled' } });
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // Stopped mid-extraction, long before the analysis would have ended; the other session's runs on a fresh worker.
    expect(performance.now() - started).toBeLessThan(inlineMs);
    expect((await other).ok).toBe(true);
    expect(runner.cancel('console:a')).toBe(false);
  });

  it('fails what it had when the worker is stopped, and starts a new one for the next analysis', async () => {
    const running = runner.run(runtime, qStudy(300), { factors: 3, extraction: 'pca', rotation: 'varimax' });
    const failed = expect(running).rejects.toThrow(/closed/);
    await runner.close();
    await failed;
    const again = await runner.run(runtime, qStudy(10), { factors: 2, extraction: 'centroid', rotation: 'varimax' });
    expect(again.ok).toBe(true);
  });
});
