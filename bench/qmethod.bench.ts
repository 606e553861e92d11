/**
 * Benchmark of the Q-method engine (issue 5): 200 sorts × 60 statements, 7 factors, PCA and
 * centroid, varimax. Run with `npm run bench:qmethod`; writes bench/results/qmethod.json.
 * Timings are medians of several runs after warm-up. These machines are noisy, so each
 * analysis is also given as a ratio to computing the correlation matrix alone in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/qmethod/analyze';
import { correlate } from '../lib/qmethod/steps/correlate';
import { simulateSorts, toCsv } from '../lib/qmethod/test-data';
import type { AnalyzeOptions } from '../lib/qmethod/types';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 15;
const WARMUP = 3;
// A forced grid −6…+6 with 60 cells.
const GRID = [3, 3, 4, 5, 5, 6, 8, 6, 5, 5, 4, 3, 3].flatMap((count, i) => Array<number>(count).fill(i - 6));
const input = simulateSorts({ grid: GRID, sorts: 200, views: 7, noise: 1.2, neg: 0.05, seed: 2024 });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(fn: () => unknown, runs = RUNS): { medianMs: number; minMs: number; maxMs: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { medianMs: round(median(ms)), minMs: round(Math.min(...ms)), maxMs: round(Math.max(...ms)) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function analysis(options: AnalyzeOptions) {
  return () => {
    const r = analyze(input, options);
    if (!r.ok) throw new Error(r.error.message);
  };
}

const baseline = time(() => correlate(input.scores));
const cases = {
  'pca-varimax-k7': time(analysis({ factors: 7, extraction: 'pca', rotation: 'varimax' })),
  'centroid-varimax-k7': time(analysis({ factors: 7, extraction: 'centroid', rotation: 'varimax' })),
};

// The CLI end to end (process start, tsx, parse, analyse, print): what a researcher waits for.
const dir = mkdtempSync(path.join(tmpdir(), 'qmethod-bench-'));
const file = path.join(dir, 'sorts.csv');
writeFileSync(file, toCsv(input));
const tsx = path.join(here, '..', 'node_modules', '.bin', 'tsx');
const cli = time(
  () => execFileSync(tsx, ['scripts/qmethod.ts', 'analyze', file, '--factors', '7', '--extraction', 'centroid'], { cwd: path.join(here, '..') }),
  5,
);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  data: { statements: input.statements.length, sorts: input.sorts.length, factors: 7, runs: RUNS, warmup: WARMUP },
  baseline: { name: 'correlation matrix only', ...baseline },
  analyses: Object.fromEntries(
    Object.entries(cases).map(([name, t]) => [name, { ...t, ratioToBaseline: round(t.medianMs / baseline.medianMs) }]),
  ),
  cliEndToEnd: { ...cli, runs: 5 },
};
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'qmethod.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(`Q-method engine, ${input.sorts.length} sorts × ${input.statements.length} statements, 7 factors (median of ${RUNS})`);
console.log(`  correlation matrix only  ${baseline.medianMs.toFixed(1)} ms`);
for (const [name, r] of Object.entries(results.analyses)) {
  console.log(`  ${name.padEnd(24)} ${r.medianMs.toFixed(1)} ms  (${r.ratioToBaseline}× correlation)`);
}
console.log(`  CLI end to end           ${cli.medianMs.toFixed(0)} ms (median of 5, includes Node and tsx start-up)`);
console.log('Written to bench/results/qmethod.json');
