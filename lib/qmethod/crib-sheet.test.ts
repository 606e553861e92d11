import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { cribSheets, type CribSheet } from './crib-sheet';
import { parseSortsCsv } from './csv';
import type { FixtureFile } from './fixtures/compare';
import type { QResult, SignificanceMark } from './types';

/** Just what a crib sheet reads, for hand-made cases. */
function resultOf(arrays: (number | null)[][], z: (number | null)[][], significance: Record<string, SignificanceMark[]>): QResult {
  return { statements: arrays.map((_, s) => `s${s + 1}`), factors: arrays[0]!.length, factorArrays: arrays, zscores: z, significance } as unknown as QResult;
}

describe('crib sheets', () => {
  // Five statements, three factors; arrays on a −2…+2 grid.
  const arrays = [
    [2, -1, 0], //  s1: top of f1 (and higher there than elsewhere: not repeated); lower in f2
    [1, 2, -2], //  s2: top of f2, bottom of f3
    [0, 0, 2], //   s3: top of f3
    [-1, 1, 1], //  s4: lower in f1 than elsewhere
    [-2, -2, -1], // s5: bottom of f1 and f2; higher in f3 than elsewhere
  ];
  const z = arrays.map((row) => row.map((v) => v * 0.9));
  const none = arrays.map((): SignificanceMark => '');
  const significance = { f1_f2: ['**', '*', '', '', ''] as SignificanceMark[], f1_f3: ['***', '', '', '*', ''] as SignificanceMark[], f2_f3: none };

  it('lists the extremes, what ranks higher or lower than in every other factor, and what distinguishes it', () => {
    const [f1, f2, f3] = cribSheets(resultOf(arrays, z, significance)) as CribSheet[];
    expect(f1).toEqual({ factor: 1, top: [0], higher: [], lower: [3], bottom: [4], distinguishing05: [0], distinguishing01: [0] });
    expect(f2).toEqual({ factor: 2, top: [1], higher: [], lower: [0], bottom: [4], distinguishing05: [], distinguishing01: [] });
    expect(f3).toEqual({ factor: 3, top: [2], higher: [4], lower: [], bottom: [1], distinguishing05: [], distinguishing01: [] });
  });

  it('orders by z-score within a list, and leaves a factor without an array out', () => {
    const tied = resultOf([[2, null], [2, null], [-2, null]], [[1.1, null], [1.3, null], [-1.2, null]], {});
    expect(cribSheets(tied)).toEqual([{ factor: 1, top: [1, 0], higher: [], lower: [], bottom: [2], distinguishing05: [], distinguishing01: [] }, null]);
  });

  it('reads the same from qmethod’s own numbers as from the engine’s, on every reference case', () => {
    const dir = path.join(__dirname, 'fixtures');
    let compared = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json'))) {
      const fixture = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FixtureFile;
      const input = parseSortsCsv(readFileSync(path.join(dir, fixture.dataset), 'utf8'));
      if (!input.ok) throw new Error(input.error.message);
      for (const c of fixture.cases) {
        if (!c.expected || c.factors < 2) continue;
        const ours = analyze(fixture.distribution ? { ...input.value, distribution: fixture.distribution } : input.value, { factors: c.factors, extraction: c.extraction, rotation: c.rotation, flags: c.flags });
        if (!ours.ok) continue;
        const e = c.expected as unknown as Pick<QResult, 'factorArrays' | 'zscores' | 'significance'>;
        const fromR = cribSheets({ ...ours.value, factorArrays: e.factorArrays, zscores: e.zscores, significance: e.significance });
        // As sets: statements whose z-scores tie exactly may differ in order by R's last bits.
        const sets = (sheets: (CribSheet | null)[]) => sheets.map((sheet) => sheet && Object.fromEntries(Object.entries(sheet).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort((a, b) => a - b) : v])));
        expect(sets(cribSheets(ours.value)), `${fixture.dataset} k=${c.factors} ${c.extraction}`).toEqual(sets(fromR));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
