import { centroid } from './steps/centroid';
import { principalComponents } from './steps/pca';
import { correlateBy } from './steps/rank-correlate';
import type { QInput, QResult } from './types';

/**
 * The full report's tables that `analyze` does not keep (PQMethod's and KADE's output has them):
 * the correlations between sorts, the loadings before rotation, communalities and the standard
 * errors of differences. Pure, like the engine; the web app computes them in the analysis worker.
 */
export interface StudyTables {
  /**
   * Sort × sort correlations (the result's method), or null above `CORRELATION_MATRIX_LIMIT`
   * sorts: a million cells help no reader, and the sorts' CSV lets R recompute them.
   */
  correlations: number[][] | null;
  /** Loadings as extracted (M × k), before varimax, hand rotation or inversion. */
  unrotated: number[][];
  /**
   * h² per sort: the sum of its squared loadings. Orthogonal rotation, by varimax or by hand,
   * and inversion keep it, so the unrotated and the final loadings give the same figure.
   */
  communalities: number[];
  /**
   * Standard error of differences between factors a and b, √(SEa² + SEb²), as qmethod's
   * `qfcharact` (`sd_dif`) and PQMethod print it, diagonal included; null for a factor without
   * flagged sorts.
   */
  sed: (number | null)[][];
}

/** PQMethod's own limit on sorts; past it the matrix is left out of the report and the workbook. */
export const CORRELATION_MATRIX_LIMIT = 299;

export function studyTables(input: QInput, result: QResult): StudyTables {
  const r = correlateBy(result.correlation, input.scores);
  const k = result.factors;
  let unrotated: number[][];
  if (result.extraction === 'pca') unrotated = principalComponents(r, k, 'none');
  else {
    const extracted = centroid(r, k);
    // The analysis extracted the same factors from the same matrix moments ago.
    if (!extracted.ok) throw new Error(`centroid extraction failed for factor ${extracted.factor} on a matrix that was analysed`);
    unrotated = extracted.loadings;
  }
  const se = result.standardError;
  return {
    correlations: input.sorts.length <= CORRELATION_MATRIX_LIMIT ? r : null,
    unrotated,
    communalities: result.loadings.map((row) => row.reduce((s, v) => s + v * v, 0)),
    sed: se.map((a) => se.map((b) => (a === null || b === null ? null : Math.sqrt(a * a + b * b)))),
  };
}

/** A factor's statements from its highest z-score to its lowest (PQMethod's "sorted by z"), ties by statement order. */
export function statementsByZ(result: QResult, factor: number): number[] | null {
  const f = factor - 1;
  if (result.zscores.some((row) => row[f] === null)) return null;
  return result.statements.map((_, s) => s).sort((a, b) => result.zscores[b]![f]! - result.zscores[a]![f]! || a - b);
}
