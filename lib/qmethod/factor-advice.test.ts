import { describe, expect, it } from 'vitest';
import { factorAdvice, humphreysRule, parallelAnalysis, parallelIterations, percentile95 } from './factor-advice';
import { symmetricEigen } from './linalg/eigen';
import { correlate } from './steps/correlate';
import { SEED_GRID, simulateSorts } from './test-data';

/**
 * Advice on k. qmethod has neither Humphrey's rule nor parallel analysis, so each is checked
 * against a computation written out in the test, and on studies whose number of factors is
 * known because they were made with it.
 */
describe('help with choosing the number of factors', () => {
  it('Humphrey: the two largest loadings in size, their product against 2/√N', () => {
    // N = 36: 2/6 = 0.333. Factor 1: 0.8 × 0.7 = 0.56; factor 2: |−0.6| × 0.5 = 0.30.
    const advice = humphreysRule([[0.8, 0.1, 0.7, -0.2], [0.5, -0.6, 0.1, 0.2]], 36);
    expect(advice.map((h) => h.significant)).toEqual([true, false]);
    expect(advice[0]!.product).toBeCloseTo(0.56, 15);
    expect(advice[1]!.product).toBeCloseTo(0.3, 15);
    expect(advice[0]!.threshold).toBeCloseTo(1 / 3, 15);
  });

  it('takes the 95th percentile as R’s quantile(type = 7) does', () => {
    expect(percentile95([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21])).toBeCloseTo(20, 12);
    expect(percentile95([0, 10])).toBeCloseTo(9.5, 12);
    expect(percentile95([3])).toBe(3);
  });

  it('finds the number of viewpoints a study was made with', () => {
    for (const views of [1, 2, 3]) {
      const study = simulateSorts({ grid: SEED_GRID, sorts: 30, views, noise: 0.45, seed: 40 + views });
      const advice = factorAdvice(study);
      expect(advice.parallel!.suggested, `${views} viewpoints`).toBe(views);
    }
  });

  it('suggests no factor in a study of random sorts, most of the time', () => {
    let suggestedNone = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const noise = simulateSorts({ grid: SEED_GRID, sorts: 20, views: 20, noise: 50, seed });
      if (factorAdvice(noise).parallel!.suggested === 0) suggestedNone++;
    }
    // At the 95th percentile a random study passes by chance about one time in twenty.
    expect(suggestedNone).toBeGreaterThanOrEqual(8);
  });

  it('is the same every time, and its random eigenvalues are those of shuffled grids', () => {
    const study = simulateSorts({ grid: SEED_GRID, sorts: 12, views: 2, noise: 0.6, seed: 9 });
    const a = factorAdvice(study);
    expect(factorAdvice(study)).toEqual(a);
    expect(a.eigenvalues).toEqual(symmetricEigen(correlate(study.scores)).values);
    expect(a.kaiser).toBe(a.eigenvalues.filter((v) => v > 1).length);
    // One random study, by hand: its largest eigenvalue is far below a planted factor's.
    const one = parallelAnalysis(study, a.eigenvalues, 'pearson', 1, 3)!;
    expect(one.random95[0]).toBeLessThan(a.eigenvalues[0]!);
    expect(one.random95[0]).toBeGreaterThan(1);
  });

  it('keeps its cost bounded: fewer random studies for more sorts, none past what it can afford', () => {
    expect(parallelIterations(30)).toBe(100);
    expect(parallelIterations(100)).toBe(40);
    expect(parallelIterations(1_000)).toBe(0);
    expect(factorAdvice(simulateSorts({ grid: SEED_GRID, sorts: 140, views: 2, noise: 0.6, seed: 1 })).parallel).toBeNull();
  });
});
