import ExcelJS from 'exceljs';
import { cribSheets } from '../crib-sheet';
import { statementsByZ, type StudyTables } from '../study-tables';
import { formatQdcLabel } from '../steps/qdc';
import { CORRELATION_NAMES, type QResult } from '../types';
import type { AnalysisRecord, SortHistory } from './record';
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
  settings: string;
  setting: string;
  value: string;
  study: string;
  analysedAt: string;
  sortCount: string;
  factorCount: string;
  extraction: string;
  rotation: string;
  flagging: string;
  flaggingAutomatic: string;
  flaggingManual: string;
  correlation: string;
  flagSignificance: string;
  majorityRule: string;
  inverted: string;
  handRotations: string;
  splitFactors: string;
  paperSorts: string;
  on: string;
  off: string;
  cribSheets: string;
  list: string;
  arrayValue: string;
  cribTop: string;
  cribHigher: string;
  cribLower: string;
  cribBottom: string;
  cribDistinguishing05: string;
  cribDistinguishing01: string;
  factorName: string;
  description: string;
  engine: string;
  sortCorrelations: string;
  sortCorrelationsOmitted: string;
  unrotated: string;
  communality: string;
  sed: string;
  byZ: string;
  rank: string;
  zscore: string;
  history: string;
  source: string;
  sourceLive: string;
  sourcePaper: string;
  sourceImport: string;
  finishedAt: string;
  session: string;
  thisSession: string;
  distribution: string;
  forced: string;
  unforced: string;
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
  settings: 'Settings',
  setting: 'Setting',
  value: 'Value',
  study: 'Statement set',
  analysedAt: 'Analysed',
  sortCount: 'Sorts',
  factorCount: 'Factors (k)',
  extraction: 'Extraction',
  rotation: 'Rotation',
  flagging: 'Flagging',
  flaggingAutomatic: 'automatic',
  flaggingManual: 'manual (set by the researcher)',
  correlation: 'Correlation',
  flagSignificance: 'Significance level for automatic flagging',
  majorityRule: 'Majority of common variance required',
  inverted: 'Factors inverted (read from the other pole)',
  handRotations: 'Hand rotations after the rotation (factor pair, degrees)',
  splitFactors: 'Factors split into two poles (a: as extracted, b: turned)',
  paperSorts: 'Sorts typed in from paper',
  on: 'yes',
  off: 'no',
  cribSheets: 'Crib sheets',
  list: 'List',
  arrayValue: 'Array value',
  cribTop: 'Ranked at the top',
  cribHigher: 'Ranked higher than in every other factor',
  cribLower: 'Ranked lower than in every other factor',
  cribBottom: 'Ranked at the bottom',
  cribDistinguishing05: 'Distinguishing, p < .05',
  cribDistinguishing01: 'Distinguishing, p < .01',
  factorName: 'Name',
  description: 'Description',
  engine: 'Computed by',
  sortCorrelations: 'Correlations between sorts',
  sortCorrelationsOmitted: 'Left out: more sorts than PQMethod takes (299). The sorts file (CSV) lets R compute them.',
  unrotated: 'Unrotated loadings',
  communality: 'Communality (h²)',
  sed: 'Standard errors of differences',
  byZ: 'Statements by z-score',
  rank: 'Rank',
  zscore: 'z-score',
  history: 'Study history',
  source: 'Source',
  sourceLive: 'sorted on a device',
  sourcePaper: 'typed in from paper',
  sourceImport: 'imported from a file',
  finishedAt: 'Finished',
  session: 'Session',
  thisSession: 'this session',
  distribution: 'Distribution',
  forced: 'forced',
  unforced: 'not forced (the grid was the suggested shape; arrays read off it)',
};

type Cell = string | number | boolean | null;

/** A pair key (`f2_f3`) with the factors' labels (`f2a_f2b` once factor 2 is split); unchanged without a split. */
export const pairLabel = (result: Pick<QResult, 'factorLabels'>, key: string, join = '_') =>
  key.replace(/^f(\d+)_f(\d+)$/, (_, a: string, b: string) => `f${result.factorLabels[Number(a) - 1]}${join}f${result.factorLabels[Number(b) - 1]}`);

/** Where a sort came from, in the labels' language: the workbook's history sheet and the Word report's. */
export const sourceLabel = (l: XlsxLabels, source: SortHistory['source']) => ({ live: l.sourceLive, paper: l.sourcePaper, import: l.sourceImport })[source];

/** The analysis's settings as (setting, value) rows: the workbook's first sheet and the Word report's first table. */
export function settingsRows(result: QResult, record: AnalysisRecord, l: XlsxLabels): [string, string | number][] {
  return [
    [l.study, record.study],
    [l.analysedAt, record.analysedAt],
    [l.sortCount, result.sorts.length],
    [l.factorCount, result.factors],
    [l.extraction, result.extraction],
    [l.rotation, result.rotation],
    [l.flagging, result.flagging === 'manual' ? l.flaggingManual : l.flaggingAutomatic],
    // The files name Kendall's variant: a Q-sort's ties make it tau-b.
    [l.correlation, `${CORRELATION_NAMES[result.correlation]}${result.correlation === 'kendall' ? ' (tau-b)' : ''}`],
    [l.flagSignificance, `p < ${result.flagRule.significance} (|a| > ${result.flagRule.threshold.toFixed(4)})`],
    [l.majorityRule, result.flagRule.majority ? l.on : l.off],
    [l.inverted, result.inverted.length > 0 ? result.inverted.map((f) => `f${f}`).join(', ') : '–'],
    [l.handRotations, result.handRotations.length > 0 ? result.handRotations.map((r) => `f${r.a}–f${r.b} ${r.degrees}°`).join('; ') : '–'],
    [l.splitFactors, result.split.length > 0 ? result.split.map((f) => `f${f} → f${f}a, f${f}b`).join('; ') : '–'],
    [l.distribution, record.forced === false ? l.unforced : l.forced],
    [l.paperSorts, record.paperSorts?.length ? record.paperSorts.join(', ') : '–'],
    [l.engine, `${ENGINE_INFO.engine} (${ENGINE_INFO.compatibleWith})`],
  ];
}



/**
 * The result as an `.xlsx` workbook, one sheet per table: with `record`, first the settings the
 * numbers were made with (study, date, sorts, k, extraction, rotation, flagging, the factors'
 * names); then loadings, flags, z-scores, factor arrays, distinguishing/consensus (marks per
 * pair and qmethod's label) and characteristics (with the factor correlations). Numbers are
 * written at full precision; missing values (a factor without flagged sorts) are empty cells.
 */
export async function resultToXlsx(
  result: QResult,
  options: { statementTexts?: readonly string[]; labels?: Partial<XlsxLabels>; record?: AnalysisRecord; tables?: StudyTables } = {},
): Promise<Uint8Array> {
  const l = { ...DEFAULT_XLSX_LABELS, ...options.labels };
  const factors = result.factorLabels.map((label) => `f${label}`);
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

  const record = options.record;
  if (record) {
    const settings = sheet(l.settings, [l.setting, l.value], settingsRows(result, record, l));
    if (record.factorNames.length > 0) {
      settings.addRow([]);
      settings.addRow([l.factor, l.factorName, l.description]).font = { bold: true };
      for (const f of record.factorNames) settings.addRow([`f${f.number}`, f.name, f.description]);
    }
  }
  sheet(l.loadings, [l.sort, ...factors], result.sorts.map((s, i) => [s, ...result.loadings[i]!]));
  sheet(l.flags, [l.sort, ...factors], result.sorts.map((s, i) => [s, ...result.flagged[i]!]));
  sheet(l.zscores, [...statementHead, ...factors], result.zscores.map((row, s) => [...statementCells(s), ...row]));
  sheet(l.arrays, [...statementHead, ...factors], result.factorArrays.map((row, s) => [...statementCells(s), ...row]));
  const pairs = Object.keys(result.significance);
  sheet(
    l.distinguishing,
    [...statementHead, ...pairs.map((p) => pairLabel(result, p)), l.label],
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
  const lists = [['top', l.cribTop], ['higher', l.cribHigher], ['lower', l.cribLower], ['bottom', l.cribBottom], ['distinguishing05', l.cribDistinguishing05], ['distinguishing01', l.cribDistinguishing01]] as const;
  sheet(
    l.cribSheets,
    [l.factor, l.list, ...statementHead, l.arrayValue, ...factors.map((f) => `${l.zscores} ${f}`)],
    cribSheets(result).flatMap((crib) =>
      crib === null ? [] : lists.flatMap(([key, name]) => crib[key].map((s): Cell[] => [factors[crib.factor - 1]!, name, ...statementCells(s), result.factorArrays[s]![crib.factor - 1]!, ...result.zscores[s]!])),
    ),
  );

  const tables = options.tables;
  if (tables) {
    chars.addRow([]);
    chars.addRow([l.sed]).font = { bold: true };
    chars.addRow(['', ...factors]);
    factors.forEach((f, i) => chars.addRow([f, ...tables.sed[i]!]));
    sheet(l.unrotated, [l.sort, ...factors, l.communality], result.sorts.map((s, i) => [s, ...tables.unrotated[i]!, tables.communalities[i]!]));
    if (tables.correlations) sheet(l.sortCorrelations, [l.sort, ...result.sorts], result.sorts.map((s, i) => [s, ...tables.correlations![i]!]));
    else sheet(l.sortCorrelations, [l.sortCorrelationsOmitted], []);
    sheet(
      l.byZ,
      [l.factor, l.rank, ...statementHead, l.zscore, l.arrayValue],
      factors.flatMap((f, i) => (statementsByZ(result, i + 1) ?? []).map((s, rank): Cell[] => [f, rank + 1, ...statementCells(s), result.zscores[s]![i]!, result.factorArrays[s]![i]!])),
    );
  }
  if (record?.history?.length) {
    sheet(l.history, [l.sort, l.source, l.finishedAt, l.session], record.history.map((h) => [h.sort, sourceLabel(l, h.source), h.at ?? '', h.study ?? l.thisSession]));
  }

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
