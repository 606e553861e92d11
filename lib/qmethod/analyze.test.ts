import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { factorArray } from './steps/scores';
import { SEED_GRID, simulateSorts } from './test-data';
import type { AnalyzeOptions, QInput, QResult } from './types';

function run(input: QInput, options: AnalyzeOptions): QResult {
  const r = analyze(input, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const study = simulateSorts({ grid: SEED_GRID, sorts: 25, views: 4, noise: 0.9, neg: 0.1, seed: 7 });

describe('hand-computable cases', () => {
  // Three statements, two sorts that agree: r = 1 would be degenerate, so use r = 0.5.
  // x = (-1, 0, 1), y = (0, -1, 1): r = 0.5; PCA: λ1 = 1.5, loadings √0.75 each.
  const tiny: QInput = { statements: ['a', 'b', 'c'], sorts: ['x', 'y'], scores: [[-1, 0], [0, -1], [1, 1]] };

  it('one principal component of two sorts with r = 0.5', () => {
    const r = run(tiny, { factors: 1, extraction: 'pca', rotation: 'none' });
    expect(r.loadings[0]![0]).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(r.loadings[1]![0]).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(r.eigenvalues[0]).toBeCloseTo(1.5, 12);
    expect(r.explainedVariance[0]).toBeCloseTo(75, 10);
    // Threshold 1.96/√3 ≈ 1.13 exceeds any loading: nothing is flagged, so no scores.
    expect(r.flagged).toEqual([[false], [false]]);
    expect(r.zscores).toEqual([[null], [null], [null]]);
    expect(r.standardError).toEqual([null]);
    expect(r.reliability).toEqual([0]);
    expect(r.warnings).toContainEqual({ code: 'NO_FLAGGED_SORTS', factor: 1 });
  });

  it('one centroid factor of two sorts: √r each, converged at once', () => {
    // T = [[0, .5], [.5, 0]]: r̄ = .5, t = 1, f = 1/√2 = √.5 per sort, and f² = r̄.
    const r = run(tiny, { factors: 1, extraction: 'centroid', rotation: 'none' });
    for (const row of r.loadings) expect(row[0]).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('manual flags: one flagged sort gives that sort standardised as z-scores', () => {
    const r = run(tiny, { factors: 1, extraction: 'pca', rotation: 'none', flags: [[true], [false]] });
    expect(r.flagging).toBe('manual');
    // x = (−1, 0, 1) has sd 1, so z = x.
    r.zscores.forEach((row, i) => expect(row[0]).toBeCloseTo([-1, 0, 1][i]!, 12));
    expect(r.factorArrays).toEqual([[-1], [0], [1]]);
    expect(r.reliability[0]).toBeCloseTo(0.8, 12);
    expect(r.standardError[0]).toBeCloseTo(Math.sqrt(0.2), 12);
  });

  it('reliability 0.8n/(1 + 0.8(n − 1)) and SED thresholds', () => {
    const r = run(study, { factors: 3, extraction: 'centroid', rotation: 'varimax' });
    r.flaggedCount.forEach((n, f) => expect(r.reliability[f]).toBeCloseTo((0.8 * n) / (1 + 0.8 * (n - 1)), 14));
    const [se1, se2] = [r.standardError[0]!, r.standardError[1]!];
    const sed = Math.hypot(se1, se2);
    r.significance.f1_f2!.forEach((mark, s) => {
      const d = Math.abs(r.zscores[s]![0]! - r.zscores[s]![1]!);
      const expected = d > 4.8916 * sed ? '6*' : d > 3.291 * sed ? '***' : d > 2.576 * sed ? '**' : d > 1.96 * sed ? '*' : '';
      expect(mark).toBe(expected);
    });
  });
});

describe('factor arrays and ties (R: every tie member gets the value at ⌊average rank⌋)', () => {
  const dist = [-2, -1, -1, 0, 0, 0, 1, 1, 2];
  it('without ties the array is the distribution in z order', () => {
    expect(factorArray([0.3, -1, 2, 0.1, -0.5, 0.9, 1.1, -2, 0], dist)).toEqual([0, -1, 2, 0, -1, 1, 1, -2, 0]);
  });
  it('a tied pair gets the lower of its two values', () => {
    // z order: 0.1 (rank 1), then the pair at ranks 2–3 (values -1, -1), …
    expect(factorArray([0.1, 0.5, 0.5, 1, 2, 3, 4, 5, 6], dist)).toEqual([-2, -1, -1, 0, 0, 0, 1, 1, 2]);
    expect(factorArray([0, 1, 2, 2, 3, 4, 5, 6, 7], dist)).toEqual([-2, -1, -1, -1, 0, 0, 1, 1, 2]);
  });
  it('a tie of three gets the middle value, a tie of four the second', () => {
    // ranks 3–5 → average 4 → value 0 (the values there are -1, 0, 0)
    expect(factorArray([0, 1, 2, 2, 2, 5, 6, 7, 8], dist)).toEqual([-2, -1, 0, 0, 0, 0, 1, 1, 2]);
    // ranks 1–4 → average 2.5 → value at 2 = -1 (the values there are -2, -1, -1, 0)
    expect(factorArray([1, 1, 1, 1, 5, 6, 7, 8, 9], dist)).toEqual([-1, -1, -1, -1, 0, 0, 1, 1, 2]);
  });
});

describe('properties', () => {
  const datasets = [11, 12, 13, 14].map((seed) =>
    simulateSorts({ grid: SEED_GRID, sorts: 12 + seed, views: 3, noise: 1, neg: 0.2, seed }),
  );
  const gram = (l: number[][]) => l.map((a) => l.map((b) => a.reduce((s, v, f) => s + v * b[f]!, 0)));

  for (const extraction of ['pca', 'centroid'] as const) {
    it(`${extraction}: varimax keeps communalities and is an orthogonal rotation`, () => {
      for (const data of datasets) {
        for (const k of [2, 3, 5]) {
          const plain = run(data, { factors: k, extraction, rotation: 'none' }).loadings;
          const rotated = run(data, { factors: k, extraction, rotation: 'varimax' }).loadings;
          const g0 = gram(plain);
          const g1 = gram(rotated);
          // L·Lᵀ is unchanged by L → L·T with T orthogonal (and by column order and sign).
          g0.forEach((row, i) => row.forEach((v, j) => expect(g1[i]![j]).toBeCloseTo(v, 10)));
        }
      }
    });
  }

  it('z-scores have mean 0 and sd 1; arrays follow the distribution', () => {
    for (const data of datasets) {
      const r = run(data, { factors: 4, extraction: 'centroid', rotation: 'varimax' });
      for (let f = 0; f < 4; f++) {
        const z = r.zscores.map((row) => row[f]);
        if (z[0] === null) continue;
        const zs = z as number[];
        const mean = zs.reduce((s, v) => s + v, 0) / zs.length;
        const sd = Math.sqrt(zs.reduce((s, v) => s + (v - mean) ** 2, 0) / (zs.length - 1));
        expect(mean).toBeCloseTo(0, 12);
        expect(sd).toBeCloseTo(1, 12);
        const array = r.factorArrays.map((row) => row[f] as number).sort((a, b) => a - b);
        expect(array).toEqual([...SEED_GRID].sort((a, b) => a - b));
      }
    }
  });

  it('pca eigenvalues of the unrotated solution are the largest eigenvalues, decreasing', () => {
    const r = run(datasets[0]!, { factors: 6, extraction: 'pca', rotation: 'none' });
    for (let f = 1; f < 6; f++) expect(r.eigenvalues[f]!).toBeLessThanOrEqual(r.eigenvalues[f - 1]!);
    expect(r.eigenvalues.reduce((s, v) => s + v, 0)).toBeLessThan(datasets[0]!.sorts.length);
  });
});

describe('factors without flagged sorts, negative flags, distinguishing labels', () => {
  it('a factor with no flagged sort has null scores and is left out of the comparisons', () => {
    const r = run(study, { factors: 3, extraction: 'pca', rotation: 'varimax', flags: study.sorts.map((_, i) => [i < 5, i >= 5 && i < 12, false]) });
    expect(r.zscores.every((row) => row[2] === null)).toBe(true);
    expect(r.factorArrays.every((row) => row[2] === null)).toBe(true);
    expect(r.standardError[2]).toBeNull();
    expect(Object.keys(r.significance)).toEqual(['f1_f2']);
    expect(r.warnings).toContainEqual({ code: 'NO_FLAGGED_SORTS', factor: 3 });
    const consensus = r.significance.f1_f2!.flatMap((m, s) => (m === '' ? [study.statements[s]] : []));
    expect(r.consensus).toEqual(consensus);
  });

  it('warns about sorts flagged on a negative loading', () => {
    const mirrored = simulateSorts({ grid: SEED_GRID, sorts: 20, views: 2, noise: 0.6, neg: 0.5, seed: 3 });
    const r = run(mirrored, { factors: 2, extraction: 'centroid', rotation: 'varimax' });
    const negative = r.flagged.flatMap((row, i) => row.flatMap((f, j) => (f && r.loadings[i]![j]! < 0 ? [{ sort: r.sorts[i], factor: j + 1 }] : [])));
    expect(negative.length).toBeGreaterThan(0);
    for (const n of negative) expect(r.warnings).toContainEqual({ code: 'NEGATIVE_FLAG', ...n });
  });

  it('k = 1 has no comparisons; k = 2 labels are consensus or distinguishing', () => {
    const one = run(study, { factors: 1, extraction: 'pca', rotation: 'varimax' });
    expect(one.significance).toEqual({});
    expect(one.consensus).toEqual([]);
    const two = run(study, { factors: 2, extraction: 'pca', rotation: 'varimax' });
    two.qdcLabels.forEach((l, s) =>
      expect(l.kind).toBe(two.significance.f1_f2![s] === '' ? 'consensus' : 'distinguishing'),
    );
  });

  it('one centroid factor is left unrotated by varimax (as stats::varimax does)', () => {
    const a = run(study, { factors: 1, extraction: 'centroid', rotation: 'varimax' });
    const b = run(study, { factors: 1, extraction: 'centroid', rotation: 'none' });
    expect(a.loadings).toEqual(b.loadings);
  });
});

describe('progress', () => {
  it('names each step as it starts, in order, for both extractions; a refused input names none', () => {
    for (const extraction of ['pca', 'centroid'] as const) {
      const steps: string[] = [];
      expect(analyze(study, { factors: 3, extraction, rotation: 'varimax' }, (s) => steps.push(s)).ok).toBe(true);
      expect(steps).toEqual(['correlate', 'extract', 'rotate', 'score']);
    }
    const none: string[] = [];
    expect(analyze(study, { factors: 99, extraction: 'pca', rotation: 'varimax' }, (s) => none.push(s)).ok).toBe(false);
    expect(none).toEqual([]);
  });
});
