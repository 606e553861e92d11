import { ExactSum, twoProduct, twoSum } from '../linalg/exact';
import { zeros, type Matrix } from '../linalg/matrix';

/**
 * Pearson correlations between the columns (sorts) of `scores` (N × M), computed the way R's
 * `cor(X)` does (src/library/stats/src/cov.c): means refined in a second pass, covariances
 * summed in extended precision and divided by N − 1, then cov / (sd·sd) with the diagonal
 * exactly 1. Extended precision is emulated with double-double sums so the doubles come out as
 * R's; exact ties downstream (the centroid's reflections, tied z-scores) then fall as in R.
 */
export function correlate(scores: readonly (readonly number[])[]): Matrix {
  const n = scores.length;
  const m = n === 0 ? 0 : scores[0]!.length;
  // Centred columns as hi + lo pairs, so (x − mean) is exact.
  const hi: Float64Array[] = [];
  const lo: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const first = new ExactSum();
    for (let i = 0; i < n; i++) first.add(scores[i]![j]!);
    let mean = first.dividedBy(n);
    const second = new ExactSum();
    for (let i = 0; i < n; i++) second.add(scores[i]![j]! - mean);
    mean += second.dividedBy(n);
    const h = new Float64Array(n);
    const l = new Float64Array(n);
    for (let i = 0; i < n; i++) [h[i], l[i]] = twoSum(scores[i]![j]!, -mean);
    hi.push(h);
    lo.push(l);
  }
  const cov = zeros(m, m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const sum = new ExactSum();
      const ha = hi[a]!;
      const la = lo[a]!;
      const hb = hi[b]!;
      const lb = lo[b]!;
      for (let i = 0; i < n; i++) {
        const [p, e] = twoProduct(ha[i]!, hb[i]!);
        sum.add(p);
        sum.lo += e + ha[i]! * lb[i]! + la[i]! * hb[i]!;
      }
      cov[a]![b] = cov[b]![a] = sum.dividedBy(n - 1);
    }
  }
  const sd = cov.map((row, j) => Math.sqrt(row[j]!));
  const r = zeros(m, m);
  for (let a = 0; a < m; a++) {
    r[a]![a] = 1;
    for (let b = 0; b < a; b++) {
      // R clamps to [−1, 1]: rounding can push identical sorts a hair past 1.
      const v = Math.max(-1, Math.min(1, cov[a]![b]! / (sd[a]! * sd[b]!)));
      r[a]![b] = v;
      r[b]![a] = v;
    }
  }
  return r;
}
