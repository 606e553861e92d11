import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/qmethod/analyze';
import type { AnalysisRecord } from '@/lib/qmethod/exports';
import { studyTables } from '@/lib/qmethod/study-tables';
import { SEED_GRID, simulateSorts } from '@/lib/qmethod/test-data';
import { formatDecimal } from '@/lib/i18n/format';
import type { TableBlock } from './document';
import { CORRELATION_COLUMNS, buildQStudyReport } from './q-study-report';

function study(sorts: number, seed = 4) {
  const input = simulateSorts({ grid: SEED_GRID, sorts, views: 3, noise: 0.7, neg: 0.15, seed });
  const analysed = analyze(input, { factors: 3, extraction: 'centroid', rotation: 'varimax' });
  if (!analysed.ok) throw new Error(analysed.error.message);
  const result = analysed.value;
  const history = input.sorts.map((sort, i) => ({ sort, source: (['live', 'paper', 'import'] as const)[i % 3]!, at: i < sorts - 1 ? `2026-11-${String(10 + (i % 2)).padStart(2, '0')}T09:00:00Z` : null }));
  const record: AnalysisRecord = { study: 'Arbeid først', analysedAt: '2026-11-30T12:00:00Z', factorNames: [{ number: 2, name: 'Brukeren først', description: 'Tett oppfølging.' }], history };
  const texts = input.statements.map((_, s) => `Utsagn nummer ${s + 1}`);
  return { input, result, record, texts, tables: studyTables(input, result) };
}

const tablesOf = (blocks: ReturnType<typeof buildQStudyReport>['blocks']) => blocks.filter((b): b is TableBlock => b.type === 'table');
const two = (v: number) => formatDecimal('nb', v, 2);

describe('the Q study report', () => {
  it('holds the loadings the analysis gave, flags marked with X, and communalities, in the reader’s decimals', () => {
    const s = study(23);
    const doc = buildQStudyReport(s, 'nb');
    const rotated = tablesOf(doc.blocks).find((t) => t.caption.startsWith('Ladninger etter rotasjonen'))!;
    expect(rotated.header).toEqual(['Sortering', 'F1', 'F2', 'F3', 'h²']);
    expect(rotated.rows).toEqual(s.result.sorts.map((sort, i) => [sort, ...s.result.loadings[i]!.map((v, f) => `${two(v)}${s.result.flagged[i]![f] ? ' X' : ''}`), two(s.tables.communalities[i]!)]));
    const unrotated = tablesOf(doc.blocks).find((t) => t.caption.startsWith('Uroterte ladninger'))!;
    expect(unrotated.rows.map((r) => r.slice(1, 4))).toEqual(s.tables.unrotated.map((row) => row.map(two)));
    expect(doc.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual([
      'Innstillinger', 'Studiens historikk', 'Korrelasjoner mellom sorteringene', 'Uroterte ladninger', 'Roterte ladninger', 'Faktorenes kjennetegn',
      'Faktor 1', 'Faktor 2: Brukeren først', 'Faktor 3', 'Faktorarrayer', 'Utskillende og konsensusutsagn',
    ]);
  });

  it('prints the sort × sort matrix in blocks of columns, every sort in every block', () => {
    const s = study(23);
    const blocks = tablesOf(buildQStudyReport(s, 'en').blocks).filter((t) => t.caption.startsWith('Correlations between sorts'));
    expect(blocks.length).toBe(Math.ceil(23 / CORRELATION_COLUMNS));
    expect(blocks.map((b) => b.caption)).toEqual(['Correlations between sorts (Pearson), columns 1–10', 'Correlations between sorts (Pearson), columns 11–20', 'Correlations between sorts (Pearson), columns 21–23']);
    const last = blocks[2]!;
    expect(last.header).toEqual(['Sort', ...s.result.sorts.slice(20)]);
    expect(last.rows[4]).toEqual([s.result.sorts[4], ...[20, 21, 22].map((j) => formatDecimal('en', s.tables.correlations![4]![j]!, 2))]);
  });

  it('orders each factor’s statements by z and lists its distinguishing statements with their level', () => {
    const s = study(30, 9);
    const doc = buildQStudyReport(s, 'nb');
    for (const n of [1, 2, 3]) {
      const byZ = tablesOf(doc.blocks).find((t) => t.caption === `Faktor ${n}: utsagnene ordnet etter z-skår`)!;
      const z = byZ.rows.map((r) => s.result.zscores[(r[0] as number) - 1]![n - 1]!);
      expect(z).toEqual([...z].sort((a, b) => b - a));
      expect(byZ.rows.map((r) => r[2])).toEqual(z.map(two));
      expect(byZ.rows.map((r) => r[3])).toEqual(byZ.rows.map((r) => s.result.factorArrays[(r[0] as number) - 1]![n - 1]));
      const distinguishing = tablesOf(doc.blocks).find((t) => t.caption.startsWith(`Faktor ${n}: utskillende utsagn`));
      if (!distinguishing) continue;
      for (const row of distinguishing.rows) {
        const st = (row[0] as number) - 1;
        const marks = [1, 2, 3].filter((m) => m !== n).map((m) => s.result.significance[`f${Math.min(n, m)}_f${Math.max(n, m)}`]![st]!);
        expect(marks.every((m) => m !== '')).toBe(true);
        expect(row.at(-1)).toBe(marks.every((m) => m !== '*') ? 'p < 0,01' : 'p < 0,05');
      }
    }
  });

  it('tells the study’s history: how many sorts came from where, by day', () => {
    const s = study(7);
    const doc = buildQStudyReport(s, 'nb');
    expect(doc.blocks).toContainEqual({ type: 'paragraph', text: '7 sorteringer: 3 sortert på enhet, 2 lagt inn fra papir, 2 importert fra fil.' });
    const byDay = tablesOf(doc.blocks).find((t) => t.caption === 'Sorteringer per dag og kilde')!;
    expect(byDay.rows.reduce((sum, r) => sum + (r[2] as number), 0)).toBe(7);
    expect(byDay.rows[0]![0]).toBe('10. november 2026');
    expect(byDay.rows.at(-1)![0]).toBe('ukjent');
  });

  it('gives the SEDs and says where a factor has no scores', () => {
    const s = study(12, 2);
    const flags = s.input.sorts.map((_, i) => [i % 2 === 0, i % 2 === 1, false]);
    const analysed = analyze(s.input, { factors: 3, extraction: 'centroid', rotation: 'varimax', flags });
    if (!analysed.ok) throw new Error(analysed.error.message);
    const doc = buildQStudyReport({ ...s, result: analysed.value, tables: studyTables(s.input, analysed.value) }, 'nb');
    const sed = tablesOf(doc.blocks).find((t) => t.caption.startsWith('Standardfeil for forskjeller'))!;
    expect(sed.rows[0]![1]).toBe(two(Math.SQRT2 * analysed.value.standardError[0]!));
    expect(sed.rows[2]).toEqual(['F3', '–', '–', '–']);
    expect(doc.blocks).toContainEqual({ type: 'paragraph', text: 'Ingen sortering definerer faktor 3, så den har verken z-skårer eller array.' });
  });
});
