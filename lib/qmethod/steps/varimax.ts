import { multiply, transpose, type Matrix } from '../linalg/matrix';
import { polarFactor } from '../linalg/svd';

/**
 * Kaiser-normalised varimax, step for step as R's `stats::varimax(x, normalize = TRUE,
 * eps = 1e-5)`: rows scaled to unit length, then TT ← U·Vᵀ of the SVD of
 * B = xᵀ(z³ − z·diag(Σz²)/p) until Σσ grows by less than a factor 1 + eps, then rows scaled
 * back. Following the same iteration (not just the same optimum) matters: stopping at
 * eps = 1e-5 leaves the result a little off the true maximum, and R's numbers are the target.
 * With one factor it returns the loadings unchanged, as stats::varimax does.
 */
export function varimax(loadings: Matrix, eps = 1e-5): Matrix {
  const p = loadings.length;
  const k = loadings[0]?.length ?? 0;
  if (k < 2) return loadings.map((row) => row.slice());
  const sc = loadings.map((row) => Math.sqrt(row.reduce((s, v) => s + v * v, 0)));
  const x = loadings.map((row, i) => row.map((v) => v / sc[i]!));
  const xt = transpose(x);
  let tt: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  let d = 0;
  for (let iter = 0; iter < 1000; iter++) {
    const z = multiply(x, tt);
    const colSq = new Array<number>(k).fill(0);
    for (const row of z) for (let j = 0; j < k; j++) colSq[j] = colSq[j]! + row[j]! * row[j]!;
    const inner = z.map((row) => row.map((v, j) => v * v * v - (v * colSq[j]!) / p));
    const { orthogonal, singularSum } = polarFactor(multiply(xt, inner));
    tt = orthogonal;
    const dpast = d;
    d = singularSum;
    if (d < dpast * (1 + eps)) break;
  }
  return multiply(x, tt).map((row, i) => row.map((v) => v * sc[i]!));
}
