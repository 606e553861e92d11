import type { Locale } from '@/i18n/locales';
import type { XlsxLabels } from '@/lib/qmethod/exports/xlsx';
import { reportTranslator } from './translate';

const keys = ['loadings', 'flags', 'zscores', 'arrays', 'distinguishing', 'characteristics', 'sort', 'statement', 'text', 'label', 'factor', 'eigenvalue', 'explainedVariance', 'flaggedCount', 'reliability', 'standardError', 'correlations', 'settings', 'setting', 'value', 'study', 'analysedAt', 'sortCount', 'factorCount', 'extraction', 'rotation', 'flagging', 'flaggingAutomatic', 'flaggingManual', 'correlation', 'flagSignificance', 'majorityRule', 'inverted', 'handRotations', 'splitFactors', 'paperSorts', 'on', 'off', 'cribSheets', 'list', 'arrayValue', 'cribTop', 'cribHigher', 'cribLower', 'cribBottom', 'cribDistinguishing05', 'cribDistinguishing01', 'factorName', 'description', 'engine', 'sortCorrelations', 'sortCorrelationsOmitted', 'unrotated', 'communality', 'sed', 'byZ', 'rank', 'zscore', 'history', 'source', 'sourceLive', 'sourcePaper', 'sourceImport', 'finishedAt', 'session', 'thisSession', 'distribution', 'forced', 'unforced'] as const satisfies readonly (keyof XlsxLabels)[];

/** The Q result workbook's sheet names and headings in the reader's language (English ones are the engine's own). */
export function qExportLabels(locale: Locale): XlsxLabels {
  const t = reportTranslator(locale);
  return Object.fromEntries(keys.map((key) => [key, t(`qExport.${key}`)])) as unknown as XlsxLabels;
}
