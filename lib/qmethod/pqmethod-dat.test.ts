import { describe, expect, it } from 'vitest';
import { pqmethodIds, toPqmethodDat } from './exports/pqmethod';
import { looksLikePqmethodDat, parsePqmethodDat } from './pqmethod-dat';
import { SEED_GRID, simulateSorts } from './test-data';

describe('reading a PQMethod .DAT', () => {
  it('reads back what the export writes: the sorts by their PQMethod ids, statements by place', () => {
    for (const seed of [1, 2, 3]) {
      const input = simulateSorts({ grid: SEED_GRID, sorts: 7 + seed, views: 2, noise: 0.7, seed });
      const named = { ...input, sorts: input.sorts.map((s, i) => (i === 0 ? 'Måke sør' : s)) };
      const dat = toPqmethodDat(named, { studyName: 'Arbeid først' });
      if (!dat.ok) throw new Error(dat.error.message);
      expect(looksLikePqmethodDat(dat.value)).toBe(true);
      const back = parsePqmethodDat(dat.value);
      if (!back.ok) throw new Error(back.error.message);
      expect(back.value.sorts).toEqual(pqmethodIds(named.sorts));
      expect(back.value.statements).toEqual(input.statements.map((_, s) => String(s + 1)));
      expect(back.value.scores).toEqual(input.scores);
    }
  });

  it('refuses a file that is not one, and names the line', () => {
    expect(looksLikePqmethodDat('statement,a,b\n1,0,1\n')).toBe(false);
    expect(parsePqmethodDat('hello\n')).toMatchObject({ ok: false, error: { code: 'BAD_CSV', line: 1 } });
    const input = simulateSorts({ grid: SEED_GRID, sorts: 4, views: 2, noise: 0.7, seed: 9 });
    const dat = toPqmethodDat(input, { studyName: 'S' });
    if (!dat.ok) throw new Error(dat.error.message);
    const lines = dat.value.split('\r\n');
    expect(parsePqmethodDat(lines.slice(0, -2).join('\r\n'))).toMatchObject({ ok: false, error: { code: 'BAD_CSV' } });
    const broken = [...lines.slice(0, 3), `${lines[3]!.slice(0, 12)}xx${lines[3]!.slice(14)}`, ...lines.slice(4)].join('\r\n');
    expect(parsePqmethodDat(broken)).toMatchObject({ ok: false, error: { code: 'NON_NUMERIC', line: 4, statement: '2' } });
  });
});
