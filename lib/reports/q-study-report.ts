import type { Locale } from '@/i18n/locales';
import { cribSheets } from '@/lib/qmethod/crib-sheet';
import { ENGINE_INFO, pairLabel, settingsRows, sourceLabel, type AnalysisRecord, type SortHistory } from '@/lib/qmethod/exports';
import { statementsByZ, type StudyTables } from '@/lib/qmethod/study-tables';
import { CORRELATION_NAMES, type QdcLabel, type QResult } from '@/lib/qmethod/types';
import { documentWriter, type Cell, type ReportDocument } from './document';
import { qExportLabels } from './q-export-labels';
import { formatDate, formatMean, reportTranslator, type ReportTranslator } from './translate';

/** Columns of the sort × sort matrix per table: what a portrait page holds legibly, as PQMethod prints it in blocks. */
export const CORRELATION_COLUMNS = 10;

export interface QStudyReportInput {
  result: QResult;
  tables: StudyTables;
  record: AnalysisRecord;
  /** Statement texts, in the result's statement order. */
  texts: readonly string[];
}

/**
 * A Q study's full report as a document (rendered to Word by server/reports/docx.ts), in the
 * order PQMethod and KADE print theirs: settings, the study's history, correlations between
 * sorts, unrotated and rotated loadings with communalities, factor characteristics, factor
 * correlations and SEDs, then each factor (statements by z, distinguishing statements with
 * p-levels), the factor arrays, and distinguishing and consensus statements with every pair's
 * marks. Numbers carry two decimals in the reader's language, as the console shows them.
 */
export function buildQStudyReport({ result, tables, record, texts }: QStudyReportInput, locale: Locale): ReportDocument {
  const t = reportTranslator(locale);
  const l = qExportLabels(locale);
  const w = documentWriter();
  const d2 = (v: number | null) => (v === null ? '–' : formatMean(locale, v, 2));
  const k = result.factors;
  const factorNumbers = Array.from({ length: k }, (_, f) => f + 1);
  const label = (n: number) => result.factorLabels[n - 1] ?? String(n);
  const factorHead = factorNumbers.map((n) => `F${label(n)}`);
  const statementCells = (s: number): Cell[] => [s + 1, texts[s] ?? result.statements[s]!];

  w.heading(1, t('qReport.settingsHeading'));
  w.table(t('qReport.settingsCaption'), [l.setting, l.value], settingsRows(result, record, l).map(([name, value]) => [name, name === l.analysedAt ? formatDate(locale, new Date(record.analysedAt)) : value]));
  if (record.factorNames.length > 0) w.table(t('qReport.namesCaption'), [l.factor, l.factorName, l.description], record.factorNames.map((f) => [`F${label(f.number)}`, f.name, f.description]));

  writeHistory(t, w, locale, record.history ?? [], l);

  w.heading(1, t('qReport.correlationsHeading'));
  if (tables.correlations) {
    const r = tables.correlations;
    for (let from = 0; from < result.sorts.length; from += CORRELATION_COLUMNS) {
      const to = Math.min(result.sorts.length, from + CORRELATION_COLUMNS);
      const columns = result.sorts.slice(from, to);
      w.table(
        t('qReport.correlationsCaption', { method: CORRELATION_NAMES[result.correlation], from: from + 1, to }),
        [l.sort, ...columns],
        result.sorts.map((sort, i) => [sort, ...columns.map((_, c) => d2(r[i]![from + c]!))]),
      );
    }
  } else w.paragraph(t('qReport.correlationsOmitted'));

  w.heading(1, t('qReport.unrotatedHeading'));
  w.paragraph(t('qReport.unrotatedNote'));
  w.table(t('qReport.unrotatedCaption', { extraction: result.extraction }), [l.sort, ...factorHead, 'h²'], result.sorts.map((sort, i) => [sort, ...tables.unrotated[i]!.map(d2), d2(tables.communalities[i]!)]));

  w.heading(1, t('qReport.rotatedHeading'));
  w.table(
    t('qReport.rotatedCaption'),
    [l.sort, ...factorHead, 'h²'],
    result.sorts.map((sort, i) => [sort, ...result.loadings[i]!.map((v, f) => `${d2(v)}${result.flagged[i]![f] ? ' X' : ''}`), d2(tables.communalities[i]!)]),
  );

  w.heading(1, t('qReport.characteristicsHeading'));
  w.table(
    t('qReport.characteristicsCaption'),
    [l.factor, l.eigenvalue, l.explainedVariance, l.flaggedCount, l.reliability, l.standardError],
    factorNumbers.map((n, f) => [`F${label(n)}`, d2(result.eigenvalues[f]!), formatMean(locale, result.explainedVariance[f]!, 1), result.flaggedCount[f]!, d2(result.reliability[f]!), d2(result.standardError[f] ?? null)]),
  );
  w.table(t('qReport.factorCorrelationsCaption'), ['', ...factorHead], factorHead.map((h, f) => [h, ...result.factorCorrelations[f]!.map(d2)]));
  w.table(t('qReport.sedCaption'), ['', ...factorHead], factorHead.map((h, f) => [h, ...tables.sed[f]!.map(d2)]));

  const cribs = cribSheets(result);
  for (const n of factorNumbers) {
    const named = record.factorNames.find((f) => f.number === n);
    w.heading(1, named?.name.trim() ? t('qReport.factorHeadingNamed', { n: label(n), name: named.name.trim() }) : t('qReport.factorHeading', { n: label(n) }));
    if (named?.description.trim()) w.paragraph(named.description.trim());
    const order = statementsByZ(result, n);
    const crib = cribs[n - 1];
    if (!order || !crib) {
      w.paragraph(t('qReport.noScores', { n: label(n) }));
      continue;
    }
    w.table(t('qReport.byZCaption', { n: label(n) }), [t('qReport.colNr'), t('qReport.colStatement'), l.zscore, t('qReport.colValue')], order.map((s) => [...statementCells(s), d2(result.zscores[s]![n - 1]!), result.factorArrays[s]![n - 1]!]));
    if (crib.distinguishing05.length === 0) w.paragraph(t('qReport.distinguishingNone', { n: label(n) }));
    else {
      const others = factorNumbers.filter((m) => m !== n && cribs[m - 1] !== null);
      w.table(
        t('qReport.distinguishingCaption', { n: label(n) }),
        [t('qReport.colNr'), t('qReport.colStatement'), ...[n, ...others].flatMap((m) => [`F${label(m)} ${t('qReport.colValue').toLowerCase()}`, `F${label(m)} z`]), t('qReport.colLevel')],
        crib.distinguishing05.map((s) => [
          ...statementCells(s),
          ...[n, ...others].flatMap((m) => [result.factorArrays[s]![m - 1]!, d2(result.zscores[s]![m - 1]!)]),
          t(crib.distinguishing01.includes(s) ? 'qReport.level01' : 'qReport.level05'),
        ]),
      );
    }
  }

  w.heading(1, t('qReport.arraysHeading'));
  w.table(t('qReport.arraysCaption'), [t('qReport.colNr'), t('qReport.colStatement'), ...factorHead], result.statements.map((_, s) => [...statementCells(s), ...result.factorArrays[s]!.map((v) => (v === null ? '–' : v))]));

  w.heading(1, t('qReport.qdcHeading'));
  const pairs = Object.keys(result.significance);
  if (pairs.length > 0) {
    w.paragraph(t('qReport.qdcLegend'));
    w.table(
      t('qReport.qdcCaption'),
      [t('qReport.colNr'), t('qReport.colStatement'), ...pairs.map((p) => pairLabel(result, p, '–').replace(/f/g, 'F')), l.label],
      result.statements.map((_, s) => [...statementCells(s), ...pairs.map((p) => result.significance[p]![s]! || '–'), qdcText(t, result.qdcLabels[s]!, label)]),
    );
  }
  const consensus = result.statements.flatMap((_, s) => (result.qdcLabels[s]!.kind === 'consensus' ? [s] : []));
  if (consensus.length === 0) w.paragraph(t('qReport.consensusNone'));
  else w.table(t('qReport.consensusCaption'), [t('qReport.colNr'), t('qReport.colStatement'), ...factorHead], consensus.map((s) => [...statementCells(s), ...result.factorArrays[s]!.map((v) => (v === null ? '–' : v))]));

  return {
    title: t('qReport.title', { study: record.study }),
    preamble: [t('qReport.analysed', { date: formatDate(locale, new Date(record.analysedAt)) }), t('qReport.computedBy', { engine: ENGINE_INFO.engine, reference: ENGINE_INFO.compatibleWith })],
    labels: { table: t('tableLabel'), figure: t('figureLabel') },
    blocks: w.blocks,
    locale,
  };
}

function writeHistory(t: ReportTranslator, w: ReturnType<typeof documentWriter>, locale: Locale, history: readonly SortHistory[], l: ReturnType<typeof qExportLabels>) {
  if (history.length === 0) return;
  const count = (source: SortHistory['source']) => history.filter((h) => h.source === source).length;
  w.heading(1, t('qReport.historyHeading'));
  w.paragraph(t('qReport.historySummary', { total: history.length, live: count('live'), paper: count('paper'), imported: count('import') }));
  const sessions = [...new Set(history.flatMap((h) => (h.study ? [h.study] : [])))];
  if (sessions.length > 0) w.paragraph(t('qReport.historyMerged', { count: history.filter((h) => h.study).length, sessions: sessions.map((s) => `«${s}»`).join(', ') }));
  const day = (h: SortHistory) => (h.at ? formatDate(locale, new Date(h.at)) : t('qReport.unknownDate'));
  // Days in time order (an unknown date last), then the sources in a fixed order.
  const groups = new Map<string, { at: string; day: string; source: SortHistory['source']; count: number }>();
  for (const h of history) {
    const key = `${day(h)}|${h.source}`;
    const group = groups.get(key) ?? { at: h.at ?? '\uffff', day: day(h), source: h.source, count: 0 };
    group.count++;
    if (h.at && h.at < group.at) group.at = h.at;
    groups.set(key, group);
  }
  const rows = [...groups.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  w.table(t('qReport.historyByDayCaption'), [t('qReport.colDate'), l.source, t('qReport.colCount')], rows.map((g) => [g.day, sourceLabel(l, g.source), g.count]));
  w.table(t('qReport.historyCaption'), [l.sort, l.source, l.finishedAt, l.session], history.map((h) => [h.sort, sourceLabel(l, h.source), day(h), h.study ?? l.thisSession]));
}

function qdcText(t: ReportTranslator, label: QdcLabel, name: (n: number) => string): string {
  switch (label.kind) {
    case 'consensus':
      return t('qReport.qdc_consensus');
    case 'distinguishing':
      return t('qReport.qdc_distinguishing');
    case 'distinguishes-only':
      return t('qReport.qdc_only', { n: name(label.factor) });
    case 'distinguishes-all':
      return t('qReport.qdc_all');
    case 'distinguishes':
      return t('qReport.qdc_some', { list: label.factors.map(name).join(', ') });
    case 'none':
      return t('qReport.qdc_none');
  }
}
