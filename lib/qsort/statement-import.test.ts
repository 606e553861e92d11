import { describe, expect, it } from 'vitest';
import { personalDataKinds } from '@/lib/privacy-guard';
import { detectFormat, parseStatementCsv, parseStatementList, readStatementImport } from './statement-import';

const guard = (text: string) => personalDataKinds(text).length > 0;
const read = (text: string, taken: number[] = []) => readStatementImport(text, taken, guard);

describe('parseStatementList', () => {
  it('reads one statement per line and takes a number marked with ".", ")" or ":" as the code', () => {
    const text = '12 Tiden strekker ikke til\n13. Loven går foran\n\n  14) Brukeren vet best  \n15: Kolon også\n16 - Strek også\nUten nummer';
    expect(parseStatementList(text)).toEqual([
      // Not every line is numbered: a number followed by a space may be the statement's own.
      { code: null, text: '12 Tiden strekker ikke til', line: 1 },
      { code: 13, text: 'Loven går foran', line: 2 },
      { code: 14, text: 'Brukeren vet best', line: 4 },
      { code: 15, text: 'Kolon også', line: 5 },
      { code: null, text: '16 - Strek også', line: 6 },
      { code: null, text: 'Uten nummer', line: 7 },
    ]);
  });

  it('takes "12 " and "12 - " as codes only when every line starts with a number', () => {
    expect(parseStatementList('12 Tiden strekker ikke til\n13. Loven går foran\n16 - Strek også')).toEqual([
      { code: 12, text: 'Tiden strekker ikke til', line: 1 },
      { code: 13, text: 'Loven går foran', line: 2 },
      { code: 16, text: 'Strek også', line: 3 },
    ]);
    expect(parseStatementList('Tiden strekker ikke til\n3 av 4 brukere har ikke møtt veilederen\n3 - 4 samtaler i året er nok')).toEqual([
      { code: null, text: 'Tiden strekker ikke til', line: 1 },
      { code: null, text: '3 av 4 brukere har ikke møtt veilederen', line: 2 },
      { code: null, text: '3 - 4 samtaler i året er nok', line: 3 },
    ]);
    // A line on its own is a list of one: its number is its code (write "3. …" or leave it out).
    expect(parseStatementList('3 Dette nummeret finnes')).toEqual([{ code: 3, text: 'Dette nummeret finnes', line: 1 }]);
  });

  it('does not read a decimal or a time of day as a code', () => {
    expect(parseStatementList('12.5 prosent er for lite\n10:30 er for tidlig for et møte')).toEqual([
      { code: null, text: '12.5 prosent er for lite', line: 1 },
      { code: null, text: '10:30 er for tidlig for et møte', line: 2 },
    ]);
  });

  it('drops bullets, keeps a bare number as text and handles CRLF', () => {
    expect(parseStatementList('- Første\r\n• Andre\r\n42')).toEqual([
      { code: null, text: 'Første', line: 1 },
      { code: null, text: 'Andre', line: 2 },
      { code: null, text: '42', line: 3 },
    ]);
  });
});

describe('parseStatementCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const csv = 'id,text\n1,"Tid, ikke penger, er problemet"\n2,"Han sa ""nei""\nog gikk"\r\n3,Enkel\n';
    expect(parseStatementCsv(csv)).toEqual({
      ok: true,
      statements: [
        { code: 1, text: 'Tid, ikke penger, er problemet', line: 2 },
        { code: 2, text: 'Han sa "nei"\nog gikk', line: 3 },
        { code: 3, text: 'Enkel', line: 5 },
      ],
    });
  });

  it('finds the columns by name in any order, ignoring others', () => {
    expect(parseStatementCsv('\uFEFFStatement,Theme,Code\nA,x,7\n')).toEqual({ ok: true, statements: [{ code: 7, text: 'A', line: 2 }] });
  });

  it('says what is wrong with bad CSV', () => {
    expect(parseStatementCsv('id,text\n1,"never closed')).toEqual({ ok: false, error: { code: 'CSV_UNTERMINATED' } });
    expect(parseStatementCsv('nummer;utsagn\n1;A')).toEqual({ ok: false, error: { code: 'CSV_HEADER', line: 1 } });
    expect(parseStatementCsv('id,text\n1,A,extra')).toEqual({ ok: false, error: { code: 'CSV_FIELDS', line: 2 } });
    expect(parseStatementCsv('id,text\nx,A')).toEqual({ ok: false, error: { code: 'CODE_INVALID', line: 2 } });
    expect(parseStatementCsv('id,text\n0,A')).toEqual({ ok: false, error: { code: 'CODE_INVALID', line: 2 } });
    expect(parseStatementCsv('id,text\n4, ')).toEqual({ ok: false, error: { code: 'TEXT_MISSING', line: 2 } });
  });
});

describe('detectFormat', () => {
  it('takes a header with an id and a text column as CSV, anything else as a list', () => {
    expect(detectFormat('\n"code","statement"\n1,A')).toBe('csv');
    expect(detectFormat('nr,utsagn\n1,A')).toBe('csv');
    expect(detectFormat('1 Tid, ikke penger\n2 Loven')).toBe('list');
    expect(detectFormat('')).toBe('list');
  });
});

describe('readStatementImport', () => {
  it('gives unnumbered statements the next free code after the highest so far', () => {
    const result = read('Ny A\n40. Ny B\nNy C', [1, 2, 36]);
    expect(result).toEqual({
      ok: true,
      format: 'list',
      statements: [
        { code: 41, text: 'Ny A', line: 1 },
        { code: 40, text: 'Ny B', line: 2 },
        { code: 42, text: 'Ny C', line: 3 },
      ],
    });
  });

  it('keeps a statement that starts with a number whole and gives it the next code', () => {
    const result = read('Tiden strekker ikke til\n3 av 4 brukere har ikke møtt veilederen', [1, 2, 3]);
    expect(result.ok && result.statements).toEqual([
      { code: 4, text: 'Tiden strekker ikke til', line: 1 },
      { code: 5, text: '3 av 4 brukere har ikke møtt veilederen', line: 2 },
    ]);
  });

  it('starts at 1 in an empty set', () => {
    const result = read('A\nB');
    expect(result.ok && result.statements.map((s) => s.code)).toEqual([1, 2]);
  });

  it('refuses codes the set or the import already has', () => {
    expect(read('3. A', [3])).toMatchObject({ ok: false, error: { code: 'CODE_TAKEN', line: 1 } });
    expect(read('id,text\n5,A\n5,B')).toMatchObject({ ok: false, format: 'csv', error: { code: 'DUPLICATE_CODE', line: 3 } });
  });

  it('refuses personal data, over-long text and empty input, naming the line', () => {
    expect(read('A\nRing 912 34 567')).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', line: 2 } });
    expect(read(`A\n${'x'.repeat(1001)}`)).toMatchObject({ ok: false, error: { code: 'TOO_LONG', line: 2 } });
    expect(read(' \n\n')).toMatchObject({ ok: false, error: { code: 'EMPTY' } });
    expect(read('id,text\n')).toMatchObject({ ok: false, error: { code: 'EMPTY' } });
  });

  it('refuses more statements than a set may hold', () => {
    const taken = Array.from({ length: 199 }, (_, i) => i + 1);
    expect(read('A\nB', taken)).toMatchObject({ ok: false, error: { code: 'TOO_MANY' } });
  });
});
