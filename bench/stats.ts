import { z } from 'zod';
import { scenarios, type Scenario } from './args';

/** Nearest-rank percentile of unsorted values (NaN for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Summary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

export function summarise(latencies: readonly number[]): Summary {
  if (latencies.length === 0) throw new Error('no latency was measured');
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);
  return { count: sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: round(sorted.at(-1)!) };
}

const ms = z.number().nonnegative();
/** The contract's last line (issue 14), in the contract's key order; what a check reads back. */
export const benchLineSchema = z.strictObject({
  scenario: z.enum(scenarios),
  participants: z.number().int().positive(),
  p50Ms: ms,
  p95Ms: ms,
  p99Ms: ms,
  baselineP50Ms: ms,
  baselineP99Ms: ms,
  ratioP50: z.number().positive(),
  ratioP99: z.number().positive(),
  serverRssMb: z.number().positive(),
  serverCpuPct: z.number().nonnegative(),
});
export type BenchLine = z.infer<typeof benchLineSchema>;

/** Verksted's summary against the baseline's: the ratios are Verksted / baseline. */
export function benchLine(scenario: Scenario, participants: number, verksted: Summary, baseline: Summary, server: { rssMb: number; cpuPct: number }): BenchLine {
  return {
    scenario,
    participants,
    p50Ms: verksted.p50Ms,
    p95Ms: verksted.p95Ms,
    p99Ms: verksted.p99Ms,
    baselineP50Ms: baseline.p50Ms,
    baselineP99Ms: baseline.p99Ms,
    ratioP50: round(verksted.p50Ms / baseline.p50Ms),
    ratioP99: round(verksted.p99Ms / baseline.p99Ms),
    serverRssMb: round(server.rssMb, 1),
    serverCpuPct: round(server.cpuPct, 1),
  };
}
