import { formatQdcLabel } from '../steps/qdc';
import type { StudyTables } from '../study-tables';
import type { QResult } from '../types';
import type { AnalysisRecord } from './record';

/** Engine and contract the numbers come from, written into every export. */
export const ENGINE_INFO = { engine: 'verksted-qmethod', compatibleWith: 'qmethod 1.8.4 (R)' } as const;

/**
 * The full result as pretty-printed JSON: everything in `QResult` plus qmethod's text of each
 * distinguishing/consensus label, optional statement texts, and (with `record`) the settings
 * the file was made with, first, so a reader sees at once which analysis it is. With `tables`,
 * the full report's tables too (`reportTables`: unrotated loadings, communalities, SEDs and the
 * correlations between sorts).
 */
export function resultToJson(result: QResult, statementTexts?: readonly string[], record?: AnalysisRecord, tables?: StudyTables): string {
  return `${JSON.stringify(
    {
      ...ENGINE_INFO,
      settings: record && {
        study: record.study,
        analysedAt: record.analysedAt,
        sortCount: result.sorts.length,
        factors: result.factors,
        extraction: result.extraction,
        rotation: result.rotation,
        flagging: result.flagging,
        correlation: result.correlation,
        flagRule: result.flagRule,
        inverted: result.inverted,
        split: result.split,
        handRotations: result.handRotations,
        factorNames: record.factorNames,
        forced: record.forced !== false,
        paperSorts: record.paperSorts ?? [],
        history: record.history ?? [],
      },
      ...result,
      statementTexts: statementTexts ? [...statementTexts] : undefined,
      qdcLabelText: result.qdcLabels.map(formatQdcLabel),
      reportTables: tables,
    },
    null,
    2,
  )}\n`;
}
