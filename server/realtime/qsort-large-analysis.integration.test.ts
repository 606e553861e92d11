import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qsorts, statementSets } from '@/db/schema';
import { type Ack, clientEvents, serverEvents, type JoinResult, type QsortAnalysis } from '@/lib/protocol';
import type { AnalysisStep } from '@/lib/qmethod/types';
import { seedDemoProject } from '../demo/seed-demo';
import { allowedSlowdownMs, percentile, type Sample } from '../../test/load';
import { qStudy } from '../../test/qsort';
import { emit as emitRaw, serverHarness } from '../../test/server-harness';
import { sessionProbe, workshopRoom } from '../../test/workshop-room';

const SORTS = 1_000;

/**
 * "Kjør analysen" on a study of a thousand sorts takes seconds of arithmetic. It runs in a worker
 * thread (server/services/analysis-runner.ts), so a workshop in another session on the same
 * server keeps its pace meanwhile: its phones' round trips during the analysis stay within what
 * a flood may cost (test/load.ts) of their round trips at rest.
 */
describe(`a ${SORTS}-sort analysis beside a running workshop`, () => {
  const h = serverHarness();
  beforeAll(() => h.start());
  afterAll(() => h.cleanup());

  it('finishes with every sort while the other session keeps its latency', { timeout: 180_000 }, async () => {
    const services = h.server.services;
    const db = services.database.db;
    const { user, cookie } = await h.facilitator('forsker@nav.example');
    const projectId = await seedDemoProject(db, user.id);
    const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const opened = await services.qsort.open(user.id, projectId, set!.id);
    if (!opened.ok) throw new Error(opened.error.code);
    const { sessionId } = opened.data;
    // A study as large as a national survey: the sorts go straight in, as finished ones.
    const submittedAt = new Date();
    const sorts = qStudy(SORTS).map((s, i) => ({ sessionId, setId: set!.id, state: s.state, status: 'done' as const, rev: 1, submittedAt: new Date(submittedAt.getTime() + i) }));
    for (let i = 0; i < sorts.length; i += 250) await db.insert(qsorts).values(sorts.slice(i, i + 250));
    expect((await services.qsort.finished(sessionId)).length).toBe(SORTS);

    const researcher = h.socket(cookie);
    const joined = await emitRaw<Ack<JoinResult>>(researcher, clientEvents.join, { as: 'facilitator', sessionId });
    expect(joined.ok).toBe(true);
    const steps: AnalysisStep[] = [];
    researcher.on(serverEvents.qsortAnalysisStep, ({ step }) => steps.push(step));

    // Another facilitator's workshop on the same server, its phones working.
    const room = await workshopRoom(h, 6);
    const ask = sessionProbe(h, room.phones);
    // At the pace of a busy room (each phone a few times a second), under the per-person budget.
    const probe = async () => {
      const [sample] = await Promise.all([ask(), new Promise((resolve) => setTimeout(resolve, 40))]);
      return sample;
    };
    for (let i = 0; i < 5; i++) await probe(); // warm up
    const quiet: Sample[] = [];
    for (let i = 0; i < 60; i++) quiet.push(await probe());

    const options = { factors: 3, extraction: 'centroid', rotation: 'varimax' } as const;
    let analysed: Ack<QsortAnalysis> | null = null;
    const analysis = emitRaw<Ack<QsortAnalysis>>(researcher, clientEvents.qsortAnalyze, { options }).then((a) => (analysed = a));
    const started = performance.now();
    const during: Sample[] = [];
    while (analysed === null) during.push(await probe());
    const analysisMs = performance.now() - started;
    await analysis;

    const result = analysed as Ack<QsortAnalysis> | null;
    if (!result?.ok) throw new Error(`the analysis failed: ${JSON.stringify(result)}`);
    expect(result.data.sortIds).toHaveLength(SORTS);
    expect(result.data.result.factors).toBe(3);
    expect(steps.length).toBeGreaterThan(0);

    const p99 = (samples: Sample[], key: keyof Sample) => percentile(samples.map((s) => s[key]), 99);
    const report = `analysis ${analysisMs.toFixed(0)} ms, ${during.length} probes during it; p99 event ${p99(quiet, 'event').toFixed(1)} → ${p99(during, 'event').toFixed(1)} ms, health ${p99(quiet, 'health').toFixed(1)} → ${p99(during, 'health').toFixed(1)} ms`;
    console.log(report);
    // The other session was measured all through the analysis, not after it.
    expect(during.length, report).toBeGreaterThanOrEqual(20);
    for (const key of ['event', 'health'] as const) {
      expect(p99(during, key), report).toBeLessThan(p99(quiet, key) + allowedSlowdownMs(p99(quiet, key)));
    }
  });
});
