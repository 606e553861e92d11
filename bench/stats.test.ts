import { describe, expect, it } from 'vitest';
import { benchLine, percentile, summarise } from './stats';

describe('percentile', () => {
  it('is the nearest rank of the sorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarise', () => {
  it('gives ordered percentiles rounded to hundredths', () => {
    const s = summarise([1.234, 2.345, 10.119, 4, 3]);
    expect(s).toEqual({ count: 5, p50Ms: 3, p95Ms: 10.12, p99Ms: 10.12, maxMs: 10.12 });
  });

  it('refuses to summarise nothing rather than report zeros', () => {
    expect(() => summarise([])).toThrow(/no latency/);
  });
});

describe('benchLine', () => {
  it('puts the contract keys in order with ratios Verksted / baseline', () => {
    const line = benchLine('plenary', 300, { count: 9, p50Ms: 15, p95Ms: 30, p99Ms: 60, maxMs: 70 }, { count: 9, p50Ms: 6, p95Ms: 10, p99Ms: 16, maxMs: 20 }, { rssMb: 512.345, cpuPct: 87.66 });
    expect(Object.keys(line)).toEqual(['scenario', 'participants', 'p50Ms', 'p95Ms', 'p99Ms', 'baselineP50Ms', 'baselineP99Ms', 'ratioP50', 'ratioP99', 'serverRssMb', 'serverCpuPct']);
    expect(line).toMatchObject({ p50Ms: 15, baselineP50Ms: 6, baselineP99Ms: 16, ratioP50: 2.5, ratioP99: 3.75, serverRssMb: 512.3, serverCpuPct: 87.7 });
  });
});
