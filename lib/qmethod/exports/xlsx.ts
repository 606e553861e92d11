import ExcelJS from 'exceljs';
import { formatQdcLabel } from '../steps/qdc';
import type { QResult } from '../types';
import { ENGINE_INFO } from './result-json';

/** Sheet names and headings, replaceable so the web app can pass translated ones. */
export interface XlsxLabels {
  loadings: string;
  flags: string;
  zscores: string;
  arrays: string;
  distinguishing: string;
  characteristics: string;
  sort: string;
  statement: string;
  text: string;
  label: string;
  factor: string;
  eigenvalue: string;
  explainedVariance: string;
  flaggedCount: string;
  reliability: string;
  standardError: string;
  correlations: string;
}

export const DEFAULT_XLSX_LABELS: XlsxLabels = {
  loadings: 'Loadings',
  flags: 'Flags',
  zscores: 'Z-scores',
  arrays: 'Factor arrays',
  distinguishing: 'Distinguishing-consensus',
  characteristics: 'Characteristics',
  sort: 'Sort',
  statement: 'Statement',
  text: 'Text',
  label: 'Distinguishing/consensus',
  factor: 'Factor',
  eigenvalue: 'Eigenvalue',
  explainedVariance: 'Explained variance (%)',
  flaggedCount: 'Flagged sorts',
  reliability: 'Composite reliability',
  standardError: 'SE of factor scores',
  correlations: 'Correlations between factor z-scores',
};

type Cell = string | number | boolean | null;

/**
 * The result as an `.xlsx` workbook, one sheet per table: loadings, flags, z-scores, factor
 * arrays, distinguishing/consensus (marks per pair and qmethod's label) and characteristics
 * (with the factor correlations). Numbers are written at full precision; missing values (a
 * factor without flagged sorts) are empty cells.
 */
export async function resultToXlsx(
  result: QResult,
  options: { statementTexts?: readonly string[]; labels?: Partial<XlsxLabels> } = {},
): Promise<Uint8Array> {
  const l = { ...DEFAULT_XLSX_LABELS, ...options.labels };
  const factors = Array.from({ length: result.factors }, (_, f) => `f${f + 1}`);
  const texts = options.statementTexts;
  const statementHead = texts ? [l.statement, l.text] : [l.statement];
  const statementCells = (s: number): Cell[] => (texts ? [result.statements[s]!, texts[s] ?? ''] : [result.statements[s]!]);

  const wb = new ExcelJS.Workbook();
  wb.creator = `${ENGINE_INFO.engine} (${ENGINE_INFO.compatibleWith})`;
  const sheet = (name: string, head: string[], rows: Cell[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(head).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };

  sheet(l.loadings, [l.sort, ...factors], result.sorts.map((s, i) => [s, ...result.loadings[i]!]));
  sheet(l.flags, [l.sort, ...factors], result.sorts.map((s, i) => [s, ...result.flagged[i]!]));
  sheet(l.zscores, [...statementHead, ...factors], result.zscores.map((row, s) => [...statementCells(s), ...row]));
  sheet(l.arrays, [...statementHead, ...factors], result.factorArrays.map((row, s) => [...statementCells(s), ...row]));
  const pairs = Object.keys(result.significance);
  sheet(
    l.distinguishing,
    [...statementHead, ...pairs, l.label],
    result.statements.map((_, s) => [
      ...statementCells(s),
      ...pairs.map((p) => result.significance[p]![s]!),
      formatQdcLabel(result.qdcLabels[s]!),
    ]),
  );
  const chars = sheet(
    l.characteristics,
    [l.factor, l.eigenvalue, l.explainedVariance, l.flaggedCount, l.reliability, l.standardError],
    factors.map((f, i) => [
      f,
      result.eigenvalues[i]!,
      result.explainedVariance[i]!,
      result.flaggedCount[i]!,
      result.reliability[i]!,
      result.standardError[i]!,
    ]),
  );
  chars.addRow([]);
  chars.addRow([l.correlations]).font = { bold: true };
  chars.addRow(['', ...factors]);
  factors.forEach((f, i) => chars.addRow([f, ...result.factorCorrelations[i]!]));

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
