import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { SEED_GRID, simulateSorts } from './test-data';
import type { AnalyzeOptions, QResult } from './types';

/** Studies where many sorts take a viewpoint's opposite: factors come out bipolar. */
const bipolar = (seed: number) => simulateSorts({ grid: SEED_GRID, sorts: 24, views: 2, noise: 0.6, neg: 0.4, seed });

function run(input: ReturnType<typeof bipolar>, options: AnalyzeOptions): QResult {
  const r = analyze(input, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const column = (m: (number | null)[][], f: number) => m.map((row) => row[f]);

describe('splitting a bipolar factor into its poles (KADE)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    for (const extraction of ['pca', 'centroid'] as const) {
      it(`gives each pole the scores of its own sorts (seed ${seed}, ${extraction})`, () => {
        const input = bipolar(seed);
        const base = { factors: 2, extraction, rotation: 'varimax' } as const;
        const whole = run(input, base);
        // The factor with sorts flagged on both signs is the bipolar one.
        const found = [0, 1].find((g) => whole.flagged.some((row, i) => row[g] && whole.loadings[i]![g]! > 0) && whole.flagged.some((row, i) => row[g] && whole.loadings[i]![g]! < 0));
        expect(found, 'the simulated study has a bipolar factor').toBeDefined();
        const f = found!;
        const split = run(input, { ...base, split: [f + 1] });
        expect(split.factors).toBe(3);
        expect(split.split).toEqual([f + 1]);
        expect(split.factorLabels).toEqual(f === 0 ? ['1a', '1b', '2'] : ['1', '2a', '2b']);
        const a = f;
        const b = f + 1;
        const other = f === 0 ? 2 : 0;
        // Loadings: pole a as extracted, pole b turned; the other factor untouched.
        expect(column(split.loadings, a)).toEqual(column(whole.loadings, f));
        expect(column(split.loadings, b)).toEqual(column(whole.loadings, f).map((v) => -v!));
        expect(column(split.loadings, other)).toEqual(column(whole.loadings, 1 - f));
        // Flags: each sort flagged on the factor goes to the pole its loading points to.
        whole.flagged.forEach((row, i) => {
          expect(split.flagged[i]![a]).toBe(row[f]! && whole.loadings[i]![f]! >= 0);
          expect(split.flagged[i]![b]).toBe(row[f]! && whole.loadings[i]![f]! < 0);
          expect(split.flagged[i]![other]).toBe(row[1 - f]);
        });
        // Independently: pole a's z-scores are the factor's with only its positive sorts flagged;
        // pole b's are the inverted factor's with only the negative sorts (positive once turned).
        const only = (positive: boolean) => whole.flagged.map((row, i) => [0, 1].map((g) => (g === f ? row[g]! && (whole.loadings[i]![g]! < 0) !== positive : row[g]!)));
        const positive = run(input, { ...base, flags: only(true) });
        const negative = run(input, { ...base, invert: [f + 1], flags: only(false) });
        column(split.zscores, a).forEach((v, s) => expect(v).toBeCloseTo(positive.zscores[s]![f]!, 12));
        column(split.zscores, b).forEach((v, s) => expect(v).toBeCloseTo(negative.zscores[s]![f]!, 12));
        expect(column(split.factorArrays, a)).toEqual(column(positive.factorArrays, f));
        expect(column(split.factorArrays, b)).toEqual(column(negative.factorArrays, f));
        // Every pair of the three is compared.
        expect(Object.keys(split.significance)).toEqual(['f1_f2', 'f1_f3', 'f2_f3']);
      });
    }
  }

  it('takes manual flags for the poles, and refuses flags for the factors before the split', () => {
    const input = bipolar(2);
    const flags = input.sorts.map((_, i) => [i % 3 === 0, i % 3 === 1, i % 3 === 2]);
    const r = run(input, { factors: 2, extraction: 'pca', rotation: 'varimax', split: [1], flags });
    expect(r.flagged).toEqual(flags);
    expect(r.flagging).toBe('manual');
    const old = analyze(input, { factors: 2, extraction: 'pca', rotation: 'varimax', split: [1], flags: flags.map((row) => row.slice(0, 2)) });
    expect(old).toMatchObject({ ok: false, error: { code: 'BAD_FLAGS', message: 'flags must be 24 rows of 3 booleans' } });
  });

  it('refuses a factor that is not there, or one named twice', () => {
    const input = bipolar(3);
    for (const split of [[0], [3], [1, 1], [1.5]]) {
      expect(analyze(input, { factors: 2, extraction: 'pca', rotation: 'varimax', split })).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    }
  });

  it('changes nothing when nothing is split', () => {
    const input = bipolar(4);
    const plain = run(input, { factors: 3, extraction: 'centroid', rotation: 'varimax' });
    expect(run(input, { factors: 3, extraction: 'centroid', rotation: 'varimax', split: [] })).toEqual(plain);
    expect(plain.factorLabels).toEqual(['1', '2', '3']);
    expect(plain.split).toEqual([]);
  });
});
