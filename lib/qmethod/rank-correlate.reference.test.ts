import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSortsCsv } from './csv';
import { correlateBy } from './steps/rank-correlate';

/**
 * Spearman and Kendall's tau-b against SciPy's spearmanr and kendalltau (variant b), which
 * compute what R's cor(method = "spearman" | "kendall") does, on the reference data sets with
 * the most ties and repeats (`scripts/rank-correlation-reference.py`). R cannot run here; this
 * is a second, independent implementation beside the plain one in choices.test.ts.
 */
const dir = path.join(__dirname, 'fixtures');
const reference = JSON.parse(readFileSync(path.join(dir, 'rank-correlations.scipy.json'), 'utf8')) as {
  generatedWith: string;
  datasets: Record<string, { sorts: string[]; spearman: number[][]; kendall: number[][] }>;
};

describe(`rank correlations against ${reference.generatedWith}`, () => {
  it('has the data sets', () => expect(Object.keys(reference.datasets).length).toBeGreaterThanOrEqual(5));
  for (const [name, expected] of Object.entries(reference.datasets)) {
    it(name, () => {
      const input = parseSortsCsv(readFileSync(path.join(dir, `${name}.csv`), 'utf8'));
      if (!input.ok) throw new Error(input.error.message);
      expect(input.value.sorts).toEqual(expected.sorts);
      for (const method of ['spearman', 'kendall'] as const) {
        const r = correlateBy(method, input.value.scores);
        const worst = Math.max(...r.flatMap((row, a) => row.map((v, b) => Math.abs(v - expected[method][a]![b]!))));
        expect(worst, method).toBeLessThan(1e-12);
      }
    });
  }
});
