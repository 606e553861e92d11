import { pearson, sd, type Matrix } from '../linalg/matrix';

export interface FactorCharacteristics {
  eigenvalues: number[];
  explainedVariance: number[];
  flaggedCount: number[];
  reliability: number[];
  standardError: (number | null)[];
  factorCorrelations: (number | null)[][];
}

/** Average reliability coefficient of a Q-sort, as qmethod's default `av_rel_coef`. */
const AVERAGE_RELIABILITY = 0.8;

/** Factor characteristics as `qmethod::qfcharact` (QMETHOD.md §6). */
export function characteristics(
  loadings: Matrix,
  flags: boolean[][],
  z: readonly (readonly number[] | null)[],
): FactorCharacteristics {
  const m = loadings.length;
  const k = z.length;
  const eigenvalues = Array.from({ length: k }, (_, f) => loadings.reduce((s, row) => s + row[f]! ** 2, 0));
  const flaggedCount = Array.from({ length: k }, (_, f) => flags.filter((row) => row[f]).length);
  const reliability = flaggedCount.map(
    (n) => (AVERAGE_RELIABILITY * n) / (1 + (n - 1) * AVERAGE_RELIABILITY),
  );
  const standardError = z.map((zf, f) => (zf ? sd(zf) * Math.sqrt(1 - reliability[f]!) : null));
  const factorCorrelations = z.map((za, a) =>
    // R's cor() puts 1 on the diagonal even for a factor without scores.
    z.map((zb, b) => (a === b ? 1 : za && zb ? pearson(za, zb) : null)),
  );
  return {
    eigenvalues,
    explainedVariance: eigenvalues.map((ev) => (100 * ev) / m),
    flaggedCount,
    reliability,
    standardError,
    factorCorrelations,
  };
}
