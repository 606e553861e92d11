import { zeros, type Matrix } from '../linalg/matrix';

/**
 * Pearson correlations between the columns (sorts) of `scores` (N × M), as R's `cor(X)`.
 * Columns are centred and scaled once, so the M × M matrix costs one pass of dot products.
 * The diagonal is exactly 1 and the matrix exactly symmetric (the centroid method relies on it).
 */
export function correlate(scores: readonly (readonly number[])[]): Matrix {
  const n = scores.length;
  const m = n === 0 ? 0 : scores[0]!.length;
  const cols: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const c = new Float64Array(n);
    let mu = 0;
    for (let i = 0; i < n; i++) mu += scores[i]![j]!;
    mu /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      c[i] = scores[i]![j]! - mu;
      ss += c[i]! * c[i]!;
    }
    const norm = Math.sqrt(ss);
    for (let i = 0; i < n; i++) c[i] = c[i]! / norm;
    cols.push(c);
  }
  const r = zeros(m, m);
  for (let a = 0; a < m; a++) {
    r[a]![a] = 1;
    const ca = cols[a]!;
    for (let b = a + 1; b < m; b++) {
      const cb = cols[b]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += ca[i]! * cb[i]!;
      // Rounding can push |r| a hair past 1 for identical sorts; R clamps the same way.
      const v = Math.max(-1, Math.min(1, s));
      r[a]![b] = v;
      r[b]![a] = v;
    }
  }
  return r;
}
