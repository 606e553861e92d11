import ExcelJS from 'exceljs';
import { studyTables } from '../study-tables';
import { cribSheets } from '../crib-sheet';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { parseSortsCsv } from '../csv';
import { SEED_GRID, simulateSorts } from '../test-data';
import type { QInput, QResult } from '../types';
import { pqmethodIds, resultToJson, resultToXlsx, sortsToCsv, toPqmethodDat, toPqmethodSta } from './index';

const study = simulateSorts({ grid: SEED_GRID, sorts: 25, views: 4, noise: 0.9, seed: 9 });
const analysed = analyze(study, { factors: 4, extraction: 'centroid', rotation: 'varimax' });
if (!analysed.ok) throw new Error(analysed.error.message);
const result: QResult = analysed.value;

/** Reads a .DAT back by its fixed-width layout (as qmethod's import.pqmethod does). */
function readDat(text: string) {
  const lines = text.split('\r\n').filter((line) => line !== '');
  const [head, grid, ...sorts] = lines;
  const nSorts = Number(head!.slice(3, 6));
  const nStatements = Number(head!.slice(6, 9));
  const gridNumbers = grid!.match(/.{3}/g)!.map(Number);
  return {
    nSorts,
    nStatements,
    title: head!.slice(10),
    range: gridNumbers.slice(0, 2),
    counts: gridNumbers.slice(2),
    sorts: sorts.map((line) => ({
      id: line.slice(0, 10).trim(),
      values: Array.from({ length: nStatements }, (_, s) => Number(line.slice(10 + 2 * s, 12 + 2 * s))),
      width: line.length,
    })),
  };
}

describe('sorts as CSV', () => {
  it('round-trips through the CLI parser, quoting awkward names', () => {
    const input: QInput = { ...study, sorts: study.sorts.map((s, i) => (i === 0 ? 'Ola, "O"' : s)) };
    const parsed = parseSortsCsv(sortsToCsv(input));
    expect(parsed).toEqual({ ok: true, value: input });
  });
});

describe('PQMethod .DAT', () => {
  it('writes the fixed-width layout and reads back to the same sorts', () => {
    const dat = toPqmethodDat(study, { studyName: 'Arbeid først', description: 'Fase 2 Q-sortering' });
    if (!dat.ok) throw new Error(dat.error.message);
    const lines = dat.value.split('\r\n');
    expect(lines[0]).toBe('  0 25 36 Arbeid forst: Fase 2 Q-sortering');
    expect(lines[1]).toBe(' -5  5  0  1  2  3  4  5  6  5  4  3  2  1  0');
    const back = readDat(dat.value);
    expect(back.nSorts).toBe(25);
    expect(back.nStatements).toBe(36);
    expect(back.sorts.map((s) => s.id)).toEqual(study.sorts);
    back.sorts.forEach((s, j) => {
      expect(s.width).toBe(10 + 2 * 36);
      expect(s.values).toEqual(study.scores.map((row) => row[j]));
    });
  });

  it('refuses values PQMethod cannot hold', () => {
    const wide: QInput = { statements: ['a', 'b'], sorts: ['x', 'y'], scores: [[-7, 7], [7, -7]] };
    const dat = toPqmethodDat(wide, { studyName: 'x' });
    expect(dat.ok).toBe(false);
  });

  it('makes ids ASCII, ≤ 8 characters, without spaces and unique', () => {
    expect(pqmethodIds(['Åse Ødegård', 'Participant01', 'Participant02', 'a b'])).toEqual(['AseOdega', 'Particip', 'Partici2', 'ab']);
  });
});

describe('PQMethod .STA', () => {
  it('writes one single-line ASCII statement per line, at most 60 characters', () => {
    const texts = ['Kort.', `Lang ${'x'.repeat(80)}`, 'To\nlinjer med æøå'];
    const lines = toPqmethodSta(texts).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe('Kort.');
    expect(lines[1]).toHaveLength(60);
    expect(lines[2]).toBe('To linjer med aeoa');
  });
});

describe('full result', () => {
  it('as JSON keeps every field and adds the label texts', () => {
    const json = JSON.parse(resultToJson(result, study.statements.map((s) => `Text ${s}`)));
    expect(json.loadings).toEqual(result.loadings);
    expect(json.zscores).toEqual(result.zscores);
    expect(json.significance).toEqual(result.significance);
    expect(json.qdcLabelText).toHaveLength(36);
    expect(json.compatibleWith).toContain('qmethod 1.8.4');
  });

  it('as .xlsx has the seven sheets with the numbers', async () => {
    const bytes = await resultToXlsx(result, { statementTexts: study.statements.map((s) => `Text ${s}`) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Loadings', 'Flags', 'Z-scores', 'Factor arrays', 'Distinguishing-consensus', 'Characteristics', 'Crib sheets',
    ]);
    const loadings = wb.getWorksheet('Loadings')!;
    expect(loadings.getRow(1).values).toEqual([undefined, 'Sort', 'f1', 'f2', 'f3', 'f4']);
    expect(loadings.getRow(2).getCell(1).value).toBe(result.sorts[0]);
    expect(loadings.getRow(2).getCell(2).value).toBe(result.loadings[0]![0]);
    expect(wb.getWorksheet('Flags')!.getRow(3).getCell(2).value).toBe(result.flagged[1]![0]);
    const arrays = wb.getWorksheet('Factor arrays')!;
    expect(arrays.getRow(2).getCell(2).value).toBe('Text st1');
    expect(arrays.getRow(2).getCell(3).value).toBe(result.factorArrays[0]![0]);
    const dc = wb.getWorksheet('Distinguishing-consensus')!;
    expect(dc.getRow(1).getCell(3).value).toBe('f1_f2');
    expect(dc.getRow(2).getCell(3).value ?? '').toBe(result.significance.f1_f2![0]);
    const chars = wb.getWorksheet('Characteristics')!;
    expect(chars.getRow(2).getCell(2).value).toBe(result.eigenvalues[0]);
    expect(chars.getRow(2).getCell(6).value).toBe(result.standardError[0]);
  });

  const record = { study: 'Arbeid først – Q-utsagn', analysedAt: '2026-12-01T02:45:00.000Z', factorNames: [{ number: 2, name: 'Brukeren først', description: 'Relasjonen bærer.' }] };
  const manual = analyze(study, { factors: 3, extraction: 'pca', rotation: 'none', flags: study.sorts.map((_, i) => [i % 3 === 0, i % 3 === 1, i % 3 === 2]) });
  if (!manual.ok) throw new Error(manual.error.message);

  it('as JSON states the analysis first: study, date, sorts, k, extraction, rotation, flagging, correlation, flagging rule, factor names', () => {
    const json = JSON.parse(resultToJson(manual.value, undefined, record));
    expect(Object.keys(json).slice(0, 3)).toEqual(['engine', 'compatibleWith', 'settings']);
    expect(json.settings).toEqual({
      study: record.study, analysedAt: record.analysedAt, sortCount: 25, factors: 3, extraction: 'pca', rotation: 'none', flagging: 'manual',
      correlation: 'pearson', flagRule: { significance: 0.05, majority: true, threshold: manual.value.flagRule.threshold }, inverted: [], split: [], handRotations: [], factorNames: record.factorNames, forced: true, paperSorts: [], history: [],
    });
    expect(json.flagged).toEqual(manual.value.flagged);
    // Without a record the file is as before: no settings block.
    expect(JSON.parse(resultToJson(manual.value)).settings).toBeUndefined();
  });

  it('as .xlsx opens on a settings sheet that says what was analysed, in the given language', async () => {
    const bytes = await resultToXlsx(manual.value, { record, labels: { settings: 'Innstillinger', flaggingManual: 'manuell', factorName: 'Navn' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('Innstillinger');
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual(expect.arrayContaining([
      ['Statement set', record.study], ['Sorts', 25], ['Factors (k)', 3], ['Extraction', 'pca'], ['Rotation', 'none'], ['Flagging', 'manuell'],
      ['Correlation', 'Pearson'], ['Majority of common variance required', 'yes'],
      ['Factor', 'Navn', 'Description'], ['f2', 'Brukeren først', 'Relasjonen bærer.'],
    ]));
    expect(wb.getWorksheet('Flags')!.getRow(2).getCell(2).value).toBe(true);
    // The crib sheets, a row per statement and list, as the console shows them.
    const crib = wb.getWorksheet('Crib sheets')!;
    const expected = cribSheets(manual.value).flatMap((c) => (c ? (['top', 'higher', 'lower', 'bottom', 'distinguishing05', 'distinguishing01'] as const).flatMap((k) => c[k].map((s) => [`f${c.factor}`, k, manual.value.statements[s]])) : []));
    const listKey: Record<string, string> = { 'Ranked at the top': 'top', 'Ranked higher than in every other factor': 'higher', 'Ranked lower than in every other factor': 'lower', 'Ranked at the bottom': 'bottom', 'Distinguishing, p < .05': 'distinguishing05', 'Distinguishing, p < .01': 'distinguishing01' };
    const rowsOfCrib = crib.getSheetValues().slice(2).filter(Boolean).map((r) => (r as unknown[]).slice(1, 4)).map(([f, list, id]) => [f, listKey[list as string], id]);
    expect(expected.length).toBeGreaterThan(0);
    expect(rowsOfCrib).toEqual(expected);
  });

  it('as .xlsx with the full report’s tables: SEDs, unrotated loadings with h², the sorts’ correlations, statements by z, the history', async () => {
    const tables = studyTables(study, manual.value);
    const history = study.sorts.map((sort, i) => ({ sort, source: i === 0 ? ('paper' as const) : ('live' as const), at: '2026-11-20T10:00:00.000Z' }));
    const bytes = await resultToXlsx(manual.value, { record: { ...record, history }, tables });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const unrotated = wb.getWorksheet('Unrotated loadings')!;
    expect(unrotated.getRow(1).values).toEqual([undefined, 'Sort', 'f1', 'f2', 'f3', 'Communality (h²)']);
    expect(unrotated.getRow(3).getCell(3).value).toBe(tables.unrotated[1]![1]);
    expect(unrotated.getRow(3).getCell(5).value).toBe(tables.communalities[1]);
    const r = wb.getWorksheet('Correlations between sorts')!;
    expect(r.getRow(1).getCell(26).value).toBe(study.sorts[24]);
    expect(r.getRow(26).getCell(2).value).toBe(tables.correlations![24]![0]);
    const chars = wb.getWorksheet('Characteristics')!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const at = chars.findIndex((row) => row[0] === 'Standard errors of differences');
    expect(chars[at + 2]).toEqual(['f1', ...tables.sed[0]!]);
    const byZ = wb.getWorksheet('Statements by z-score')!.getSheetValues().slice(2).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(byZ.length).toBe(3 * study.statements.length);
    const first = byZ.filter((row) => row[0] === 'f1').map((row) => row[3] as number);
    expect(first).toEqual([...first].sort((a, b) => b - a));
    const kept = wb.getWorksheet('Study history')!.getSheetValues().slice(2).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(kept[0]).toEqual([study.sorts[0], 'typed in from paper', '2026-11-20T10:00:00.000Z', 'this session']);
    expect(kept.length).toBe(study.sorts.length);
    // The JSON carries the same tables, at full precision.
    const json = JSON.parse(resultToJson(manual.value, undefined, { ...record, history }, tables));
    expect(json.reportTables).toEqual(JSON.parse(JSON.stringify(tables)));
    expect(JSON.parse(resultToJson(manual.value)).reportTables).toBeUndefined();
  });
});
