import type { QResult, SignificanceMark } from './types';

/** The JSON object the CLI prints: exactly the keys and order of QMETHOD.md. */
export interface QCliJson {
  statements: string[];
  sorts: string[];
  loadings: number[][];
  flagged: boolean[][];
  zscores: (number | null)[][];
  factorArrays: (number | null)[][];
  eigenvalues: number[];
  explainedVariance: number[];
  reliability: number[];
  standardError: (number | null)[];
  significance: Record<string, SignificanceMark[]>;
  consensus: string[];
  /** Only with `--split`: how the factors are named ('1', '2a', '2b'), as the contract's keys count them in order. */
  factorLabels?: string[];
}

export function toCliJson(r: QResult): QCliJson {
  return {
    statements: r.statements,
    sorts: r.sorts,
    loadings: r.loadings,
    flagged: r.flagged,
    zscores: r.zscores,
    factorArrays: r.factorArrays,
    eigenvalues: r.eigenvalues,
    explainedVariance: r.explainedVariance,
    reliability: r.reliability,
    standardError: r.standardError,
    significance: r.significance,
    consensus: r.consensus,
    ...(r.split.length > 0 ? { factorLabels: r.factorLabels } : {}),
  };
}
