import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { correlate } from './steps/correlate';
import { autoFlags, flagCriticalZ } from './steps/flag';
import { rotateByHand } from './steps/hand-rotate';
import { factorArray } from './steps/scores';
import { correlateBy, rankColumns } from './steps/rank-correlate';
import { normalUpperTail, twoSidedCriticalZ } from './stats/normal';
import { prng, SEED_GRID, simulateSorts } from './test-data';

/**
 * The researcher's choices beside qmethod's defaults: the correlation (Pearson, Spearman,
 * Kendall), the flagging significance level and the majority-of-common-variance rule. qmethod
 * 1.8.4 has no significance level and its R functions cannot be run here, so each is checked
 * against an independent computation written plainly in this file, or published table values.
 */

/** A Q-sort: the seed grid's values in a random order (so every sort has the grid's ties). */
const qSort = (random: () => number) => {
  const values = [...SEED_GRID];
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
};
/** N statements × M sorts, as the engine takes them. */
const scoresOf = (sorts: number[][]) => sorts[0]!.map((_, s) => sorts.map((sort) => sort[s]!));

describe('the normal distribution, from first principles', () => {
  it('gives the published critical values and tail areas', () => {
    // Two-sided critical values (qnorm(1 − p/2)) and upper tails (1 − pnorm(z)) as tables print them.
    const critical: [number, number][] = [[0.1, 1.6448536269514722], [0.05, 1.959963984540054], [0.01, 2.5758293035489004], [0.001, 3.2905267314918945], [1e-6, 4.891638475698853]];
    for (const [p, z] of critical) expect(twoSidedCriticalZ(p)).toBeCloseTo(z, 12);
    const tails: [number, number][] = [[0, 0.5], [1, 0.15865525393145707], [1.96, 0.024997895148220435], [3, 0.0013498980316301035], [6, 9.865876450376981e-10]];
    for (const [z, tail] of tails) expect(Math.abs(normalUpperTail(z) - tail) / tail).toBeLessThan(1e-12);
  });

  it('inverts its own tail at any level a researcher might type', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 0.5, noNaN: true }), (p) => {
        expect(Math.abs(2 * normalUpperTail(twoSidedCriticalZ(p)) - p) / p).toBeLessThan(1e-11);
      }),
    );
  });

  it('keeps the tools’ rounded figures for p < .05 and .01, and the exact quantile otherwise', () => {
    expect(flagCriticalZ(0.05)).toBe(1.96);
    expect(flagCriticalZ(0.01)).toBe(2.58);
    expect(flagCriticalZ(0.001)).toBeCloseTo(3.2905267314918945, 12);
  });
});

describe('correlations by method', () => {
  it('ranks tied values by their average rank', () => {
    expect(rankColumns([[10], [20], [20], [5], [20]]).map((r) => r[0])).toEqual([2, 4, 4, 1, 4]);
  });

  it('Spearman is Pearson on average ranks, counted plainly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const random = prng(seed);
        const sorts = [qSort(random), qSort(random), qSort(random)];
        // A rank by counting: how many are lower, plus half of the others equal to it, plus one half.
        const ranks = sorts.map((sort) => sort.map((v) => sort.filter((w) => w < v).length + (sort.filter((w) => w === v).length + 1) / 2));
        const expected = correlate(scoresOf(ranks));
        const actual = correlateBy('spearman', scoresOf(sorts));
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) expect(actual[a]![b]).toBeCloseTo(expected[a]![b]!, 13);
      }),
      { numRuns: 50 },
    );
  });

  it('Kendall is tau-b: concordant minus discordant pairs over the untied pairs of each sort', () => {
    // By hand: x = 1 2 3 4 5, y = 3 4 1 2 5 — 6 concordant, 4 discordant pairs, no ties: τ = 0.2.
    expect(correlateBy('kendall', scoresOf([[1, 2, 3, 4, 5], [3, 4, 1, 2, 5]]))[0]![1]).toBeCloseTo(0.2, 15);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const random = prng(seed);
        const [x, y] = [qSort(random), qSort(random)] as [number[], number[]];
        let concordant = 0;
        let discordant = 0;
        let tiedX = 0;
        let tiedY = 0;
        let pairs = 0;
        for (let i = 0; i < x.length; i++) {
          for (let j = i + 1; j < x.length; j++) {
            pairs++;
            const dx = x[i]! - x[j]!;
            const dy = y[i]! - y[j]!;
            if (dx === 0) tiedX++;
            if (dy === 0) tiedY++;
            if (dx * dy > 0) concordant++;
            if (dx * dy < 0) discordant++;
          }
        }
        const tauB = (concordant - discordant) / Math.sqrt((pairs - tiedX) * (pairs - tiedY));
        expect(correlateBy('kendall', scoresOf([x, y]))[0]![1]).toBeCloseTo(tauB, 14);
      }),
      { numRuns: 50 },
    );
  });

  it('changes the analysis only through the correlations, and records the choice', () => {
    const input = simulateSorts({ grid: SEED_GRID, sorts: 20, views: 3, noise: 0.8, seed: 11 });
    const options = { factors: 3, extraction: 'pca', rotation: 'varimax' } as const;
    const pearson = analyze(input, options);
    const explicit = analyze(input, { ...options, correlation: 'pearson' });
    const kendall = analyze(input, { ...options, correlation: 'kendall' });
    if (!pearson.ok || !explicit.ok || !kendall.ok) throw new Error('analysis failed');
    expect(explicit.value).toEqual(pearson.value);
    expect(pearson.value.correlation).toBe('pearson');
    expect(kendall.value.correlation).toBe('kendall');
    // Kendall's τ is smaller in size than Pearson's r for the same sorts, so are the loadings.
    const size = (l: number[][]) => l.flat().reduce((s, v) => s + v * v, 0);
    expect(size(kendall.value.loadings)).toBeLessThan(size(pearson.value.loadings));
  });
});

describe('the flagging rule', () => {
  const loadings = [
    [0.7, 0.1, 0], // clearly the first factor's
    [0.5, 0.45, 0.4], // significant on all three, but no factor holds most of its common variance
    [0.45, 0.05, 0], // significant at .05 and .01, not at .001
    [-0.6, 0.2, 0], // a negative flag
  ];
  const n = 36; // 1.96/6 = 0.327, 2.58/6 = 0.43, 3.29/6 = 0.548

  it('is qmethod’s by default: p < .05 and the majority of common variance', () => {
    expect(autoFlags(loadings, n)).toEqual([[true, false, false], [false, false, false], [true, false, false], [true, false, false]]);
  });

  it('flags at a stricter level only the loadings past its critical value', () => {
    expect(autoFlags(loadings, n, { significance: 0.001, majority: true })).toEqual([[true, false, false], [false, false, false], [false, false, false], [true, false, false]]);
    expect(autoFlags(loadings, n, { significance: 0.01, majority: true })[2]).toEqual([true, false, false]);
  });

  it('without the majority rule flags every significant loading, on more than one factor if need be', () => {
    expect(autoFlags(loadings, n, { significance: 0.05, majority: false })).toEqual([[true, false, false], [true, true, true], [true, false, false], [true, false, false]]);
  });

  it('is recorded with its threshold, and checked', () => {
    const input = simulateSorts({ grid: SEED_GRID, sorts: 15, views: 2, noise: 0.7, seed: 3 });
    const r = analyze(input, { factors: 2, extraction: 'centroid', rotation: 'varimax', flagRule: { significance: 0.01, majority: false } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.flagRule).toEqual({ significance: 0.01, majority: false, threshold: 2.58 / Math.sqrt(input.statements.length) });
    expect(r.value.flagged).toEqual(autoFlags(r.value.loadings, input.statements.length, { significance: 0.01, majority: false }));
    for (const significance of [0, -0.1, 0.6, Number.NaN]) {
      expect(analyze(input, { factors: 2, extraction: 'centroid', rotation: 'varimax', flagRule: { significance, majority: true } })).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    }
  });
});

describe('inverting a factor (a bipolar factor read from its other pole)', () => {
  const input = simulateSorts({ grid: SEED_GRID, sorts: 24, views: 3, noise: 0.7, neg: 0.3, seed: 17 });
  const options = { factors: 3, extraction: 'centroid', rotation: 'varimax' } as const;
  const plain = analyze(input, options);
  const turned = analyze(input, { ...options, invert: [2] });
  if (!plain.ok || !turned.ok) throw new Error('analysis failed');
  const p = plain.value;
  const t = turned.value;

  it('turns its loadings and z-scores around exactly, keeps its flags, and leaves the other factors be', () => {
    expect(t.inverted).toEqual([2]);
    expect(p.inverted).toEqual([]);
    expect(t.loadings.map((row) => row[1])).toEqual(p.loadings.map((row) => -row[1]!));
    expect(t.flagged).toEqual(p.flagged);
    expect(t.zscores.map((row) => row[1])).toEqual(p.zscores.map((row) => (row[1] === null ? null : -row[1]!)));
    for (const f of [0, 2]) {
      expect(t.loadings.map((row) => row[f])).toEqual(p.loadings.map((row) => row[f]));
      expect(t.factorArrays.map((row) => row[f])).toEqual(p.factorArrays.map((row) => row[f]));
    }
  });

  it('gives the array of the turned z-scores, and distinguishing statements from them', () => {
    expect(t.factorArrays.map((row) => row[1])).toEqual(factorArray(p.zscores.map((row) => -row[1]!), [...SEED_GRID]));
    // A pair with the turned factor is judged on the new differences: z₂ − z₁ becomes −z₂ − z₁.
    const marksChanged = t.significance.f1_f2!.some((m, s) => m !== p.significance.f1_f2![s]);
    expect(marksChanged).toBe(true);
    expect(t.significance.f1_f3).toEqual(p.significance.f1_f3);
  });

  it('says nothing of a negative flag on the turned factor, and refuses a factor that is not there', () => {
    const negative = (r: typeof p) => r.warnings.filter((w) => w.code === 'NEGATIVE_FLAG' && w.factor === 2).length;
    const flippedSigns = p.flagged.filter((row, i) => row[1] && p.loadings[i]![1]! > 0).length;
    expect(negative(t)).toBe(flippedSigns);
    for (const invert of [[0], [4], [1.5]]) expect(analyze(input, { ...options, invert })).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
  });
});

describe('judgmental (hand) rotation', () => {
  const input = simulateSorts({ grid: SEED_GRID, sorts: 18, views: 3, noise: 0.7, seed: 23 });
  const options = { factors: 3, extraction: 'centroid', rotation: 'varimax' } as const;
  const base = analyze(input, options);
  if (!base.ok) throw new Error(base.error.message);
  const L = base.value.loadings;

  /** L·T with T the identity but for the turned plane, multiplied out plainly. */
  const byMatrix = (loadings: number[][], a: number, b: number, degrees: number) => {
    const k = loadings[0]!.length;
    const t: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
    const th = (degrees * Math.PI) / 180;
    // The new axes in old coordinates, as columns: a' = (cos, sin), b' = (−sin, cos) in the (a, b) plane.
    t[a - 1]![a - 1] = Math.cos(th);
    t[b - 1]![a - 1] = Math.sin(th);
    t[a - 1]![b - 1] = -Math.sin(th);
    t[b - 1]![b - 1] = Math.cos(th);
    return loadings.map((row) => t[0]!.map((_, j) => row.reduce((sum, v, i) => sum + v * t[i]![j]!, 0)));
  };

  it('equals the loadings times the rotation matrix, and keeps every communality', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.double({ min: -360, max: 360, noNaN: true }), (a, b, degrees) => {
        fc.pre(a !== b);
        const turned = rotateByHand(L, [{ a, b, degrees }]);
        const expected = byMatrix(L, a, b, degrees);
        turned.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 14)));
        turned.forEach((row, i) => expect(row.reduce((s, v) => s + v * v, 0)).toBeCloseTo(L[i]!.reduce((s, v) => s + v * v, 0), 14));
      }),
    );
  });

  it('adds up turns in one plane, and a quarter turn swaps the axes', () => {
    const twice = rotateByHand(L, [{ a: 1, b: 2, degrees: 30 }, { a: 1, b: 2, degrees: 60 }]);
    const once = rotateByHand(L, [{ a: 1, b: 2, degrees: 90 }]);
    twice.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(once[i]![j]!, 14)));
    once.forEach((row, i) => {
      expect(row[0]).toBeCloseTo(L[i]![1]!, 14);
      expect(row[1]).toBeCloseTo(-L[i]![0]!, 14);
      expect(row[2]).toBe(L[i]![2]);
    });
  });

  it('runs after varimax in the analysis, flags from the turned loadings, and is recorded', () => {
    const handRotations = [{ a: 1, b: 3, degrees: 12.5 }];
    const r = analyze(input, { ...options, handRotations });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.loadings).toEqual(rotateByHand(L, handRotations));
    expect(r.value.flagged).toEqual(autoFlags(r.value.loadings, input.statements.length));
    expect(r.value.handRotations).toEqual(handRotations);
    expect(base.value.handRotations).toEqual([]);
    for (const bad of [{ a: 1, b: 1, degrees: 10 }, { a: 0, b: 2, degrees: 10 }, { a: 1, b: 4, degrees: 10 }, { a: 1, b: 2, degrees: Number.NaN }, { a: 1, b: 2, degrees: 400 }]) {
      expect(analyze(input, { ...options, handRotations: [bad] })).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    }
  });
});
