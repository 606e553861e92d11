import { describe, expect, it } from 'vitest';
import { parseCsvRows, parseSortsCsv } from './csv';

describe('parseCsvRows', () => {
  it('handles quotes, doubled quotes, CRLF, a BOM and blank lines', () => {
    const rows = parseCsvRows('\uFEFFa,"b,c","say ""hi"""\r\n\r\n1,2,3\n');
    expect(rows?.map((r) => r.fields)).toEqual([['a', 'b,c', 'say "hi"'], ['1', '2', '3']]);
    expect(rows?.map((r) => r.line)).toEqual([1, 3]);
  });
  it('reports an unterminated quote', () => expect(parseCsvRows('a,"b\n1,2')).toBeNull());
});

describe('parseSortsCsv', () => {
  it('reads the QMETHOD.md layout', () => {
    const r = parseSortsCsv('statement,Anna,Per\n1,-1,1\n2,1,-1\n');
    expect(r).toEqual({ ok: true, value: { statements: ['1', '2'], sorts: ['Anna', 'Per'], scores: [[-1, 1], [1, -1]] } });
  });
  it.each([
    ['', 'EMPTY_FILE'],
    ['statement\n1\n', 'BAD_CSV'],
    ['statement,a,b\n1,0\n', 'BAD_CSV'],
    ['statement,a,\n1,0,1\n', 'BAD_CSV'],
    ['statement,a,b\n,0,1\n', 'BAD_CSV'],
    ['statement,a,b\n1,0,x\n', 'NON_NUMERIC'],
    ['statement,a,b\n1,0,\n', 'NON_NUMERIC'],
    ['statement,a,"b\n1,0,1\n', 'BAD_CSV'],
  ])('%j → %s', (text, code) => {
    const r = parseSortsCsv(text);
    expect(r.ok ? 'OK' : r.error.code).toBe(code);
  });
});
