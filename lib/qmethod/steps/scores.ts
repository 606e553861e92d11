import { accurateSum, mean, sd, type Matrix } from '../linalg/matrix';

/**
 * Z-scores per factor as `qmethod::qzscores` (QMETHOD.md §4): weights w = L/(1 − L²) for
 * flagged sorts (0 otherwise), raw score Σ w·X per statement, standardised with sd (N − 1).
 * A factor without flagged sorts (or with constant raw scores) has no z-scores: `null`.
 * Raw sums are formed as R's rowSums does (see accurateSum), so statements whose weighted
 * scores are the same numbers, in any order, tie exactly, as in R.
 */
export function zScores(scores: Matrix, loadings: Matrix, flags: boolean[][], k: number): (number[] | null)[] {
  const m = loadings.length;
  const result: (number[] | null)[] = [];
  for (let f = 0; f < k; f++) {
    const l = Array.from({ length: m }, (_, i) => (flags[i]![f] ? loadings[i]![f]! : 0));
    // A loading of ±1 (a sort the factor explains entirely; |L| = 1 up to rounding) has an
    // infinite weight. R divides by 1 − L² ≈ 1e-16 and gets a huge weight that lets that sort
    // alone decide the scores; use that limit instead of dividing by (nearly) zero. (|L| > 1,
    // possible with centroid, keeps R's negative weight.)
    const whole = l.map((v) => Math.abs(Math.abs(v) - 1) < 1e-9);
    const w = whole.some(Boolean) ? l.map((v, i) => (whole[i] ? Math.sign(v) : 0)) : l.map((v) => v / (1 - v * v));
    const raw = scores.map((row) => accurateSum(row.map((x, i) => x * w[i]!)));
    const mu = mean(raw);
    const sigma = sd(raw);
    const z = raw.map((v) => (v - mu) / sigma);
    result.push(z.every(Number.isFinite) ? z : null);
  }
  return result;
}

/**
 * Factor array of one factor (QMETHOD.md §5, as qzscores does it): the statement whose z-score
 * has rank r gets the r-th smallest value of the distribution. Tied z-scores share R's average
 * rank, and R indexes with it truncated, so every statement of a tie group gets the value at
 * ⌊average rank⌋. For pairs that is the lowest of the group's values; for larger groups it is
 * not, and R's follow-up "minimum" step does not change that (see docs/qmethod.md).
 */
export function factorArray(z: readonly number[], distribution: readonly number[]): number[] {
  const sortedValues = [...distribution].sort((a, b) => a - b);
  const order = z.map((_, i) => i).sort((a, b) => z[a]! - z[b]!);
  const out = new Array<number>(z.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && z[order[end]!] === z[order[start]!]) end++;
    // 1-based ranks start+1 … end; their average, truncated, as an R subscript.
    const averageRank = (start + 1 + end) / 2;
    const value = sortedValues[Math.floor(averageRank) - 1]!;
    for (let i = start; i < end; i++) out[order[i]!] = value;
    start = end;
  }
  return out;
}
