import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { parseSortsCsv } from './csv';
import type { FixtureFile } from './fixtures/compare';
import { CORRELATION_MATRIX_LIMIT, statementsByZ, studyTables } from './study-tables';
import { SEED_GRID, simulateSorts } from './test-data';
import type { QInput } from './types';

const dir = path.join(__dirname, 'fixtures');
/** A study of `sorts` sorts on the seed grid (36 statements) from three viewpoints. */
const study = (seed: number, sorts: number) => simulateSorts({ grid: SEED_GRID, sorts, views: 3, noise: 0.8, neg: 0.2, seed });

function fixtureInput(fixture: FixtureFile): QInput {
  const parsed = parseSortsCsv(readFileSync(path.join(dir, fixture.dataset), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return fixture.distribution ? { ...parsed.value, distribution: fixture.distribution } : parsed.value;
}

const maxDiff = (a: (number | null)[][], b: (number | null)[][]) => Math.max(0, ...a.flatMap((row, i) => row.map((v, j) => Math.abs((v ?? NaN) - (b[i]![j] ?? NaN)))));

describe('studyTables', () => {
  // R's loadings of the same k and extraction without rotation are the unrotated loadings of a
  // varimax analysis: checked on every reference data set.
  const files = readdirSync(dir).filter((f) => f.endsWith('.expected.json'));
  for (const file of files) {
    const fixture = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FixtureFile;
    it(`unrotated loadings equal qmethod's unrotated ones: ${fixture.dataset}`, () => {
      const input = fixtureInput(fixture);
      let compared = 0;
      for (const c of fixture.cases.filter((x) => x.rotation === 'varimax' && !x.flags && !x.error)) {
        const plain = fixture.cases.find((x) => x.rotation === 'none' && x.factors === c.factors && x.extraction === c.extraction && !x.flags);
        if (!plain?.expected) continue;
        const result = analyze(input, { factors: c.factors, extraction: c.extraction, rotation: 'varimax' });
        if (!result.ok) throw new Error(result.error.message);
        const tables = studyTables(input, result.value);
        expect(maxDiff(tables.unrotated, plain.expected.loadings)).toBeLessThan(1e-4);
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it('communalities are the same from the unrotated and the final loadings, whatever the rotation', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = study(seed, 12);
      const degrees = (seed * 37) % 90;
      const result = analyze(input, { factors: 3, extraction: seed % 2 ? 'pca' : 'centroid', rotation: 'varimax', handRotations: [{ a: 1, b: 3, degrees }], invert: [2] });
      if (!result.ok) continue;
      const tables = studyTables(input, result.value);
      const fromUnrotated = tables.unrotated.map((row) => row.reduce((s, v) => s + v * v, 0));
      tables.communalities.forEach((h2, i) => expect(h2).toBeCloseTo(fromUnrotated[i]!, 10));
    }
  });

  it('correlations are Pearson correlations of the sorts, computed here again from their definition', () => {
    const input = study(7, 8);
    const result = analyze(input, { factors: 2, extraction: 'pca', rotation: 'varimax' });
    if (!result.ok) throw new Error(result.error.message);
    const column = (j: number) => input.scores.map((row) => row[j]!);
    const pearson = (a: number[], b: number[]) => {
      const ma = a.reduce((s, v) => s + v, 0) / a.length;
      const mb = b.reduce((s, v) => s + v, 0) / b.length;
      let sab = 0, saa = 0, sbb = 0;
      a.forEach((v, i) => { sab += (v - ma) * (b[i]! - mb); saa += (v - ma) ** 2; sbb += (b[i]! - mb) ** 2; });
      return sab / Math.sqrt(saa * sbb);
    };
    const r = studyTables(input, result.value).correlations!;
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) expect(r[i]![j]).toBeCloseTo(pearson(column(i), column(j)), 12);
  });

  it('SEDs are √(SEa² + SEb²), diagonal included, and absent for a factor without flagged sorts', () => {
    const input = study(3, 10);
    const flags = input.sorts.map((_, i) => [i < 5, i >= 5, false]);
    const result = analyze(input, { factors: 3, extraction: 'centroid', rotation: 'varimax', flags });
    if (!result.ok) throw new Error(result.error.message);
    const { sed } = studyTables(input, result.value);
    const [se1, se2] = result.value.standardError as [number, number, null];
    expect(sed[0]![0]).toBeCloseTo(Math.SQRT2 * se1, 14);
    expect(sed[0]![1]).toBeCloseTo(Math.hypot(se1, se2), 14);
    expect(sed[1]![0]).toBe(sed[0]![1]);
    expect(sed[2]).toEqual([null, null, null]);
    expect(sed.map((row) => row[2])).toEqual([null, null, null]);
  });

  it('leaves the sort × sort matrix out past PQMethod’s limit of sorts', () => {
    const input = study(5, CORRELATION_MATRIX_LIMIT + 1);
    const result = analyze(input, { factors: 2, extraction: 'pca', rotation: 'varimax' });
    if (!result.ok) throw new Error(result.error.message);
    expect(studyTables(input, result.value).correlations).toBeNull();
  });

  it('orders a factor’s statements by descending z-score', () => {
    const input = study(11, 9);
    const result = analyze(input, { factors: 2, extraction: 'pca', rotation: 'varimax' });
    if (!result.ok) throw new Error(result.error.message);
    for (const factor of [1, 2]) {
      const order = statementsByZ(result.value, factor)!;
      expect([...order].sort((a, b) => a - b)).toEqual(input.statements.map((_, s) => s));
      for (let i = 1; i < order.length; i++) expect(result.value.zscores[order[i - 1]!]![factor - 1]!).toBeGreaterThanOrEqual(result.value.zscores[order[i]!]![factor - 1]!);
    }
  });
});
