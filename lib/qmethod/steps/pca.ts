import { symmetricEigen } from '../linalg/eigen';
import { colSums, scaleColumns, signOrPlus, type Matrix } from '../linalg/matrix';
import type { Rotation } from '../types';
import { varimax } from './varimax';

/**
 * Principal components as `psych::principal(r, nfactors = k, rotate)` computes them
 * (QMETHOD.md §2a): loadings V·√λ of the k largest eigenvalues (eigenvalues below machine
 * epsilon are raised to it first, as psych does), signs set by column sums, optional varimax,
 * columns ordered by sum of squared loadings, signs set again.
 */
export function principalComponents(r: Matrix, k: number, rotation: Rotation): Matrix {
  const m = r.length;
  const { values, vectors } = symmetricEigen(r);
  const loadings: Matrix = Array.from({ length: m }, (_, i) =>
    Array.from({ length: k }, (_, f) => vectors[f]![i]! * Math.sqrt(Math.max(values[f]!, Number.EPSILON))),
  );
  // Eigenvector signs are arbitrary; psych makes each column sum non-negative (for k = 1 it
  // flips only when the sum is negative, which is the same rule).
  scaleColumns(loadings, colSums(loadings, k).map(signOrPlus));
  let result = rotation === 'varimax' ? varimax(loadings) : loadings;
  if (k > 1) {
    const ss = colSums(result.map((row) => row.map((v) => v * v)), k);
    // Stable, like R's order(decreasing = TRUE): equal sums keep their order.
    const order = ss.map((_, j) => j).sort((a, b) => ss[b]! - ss[a]! || a - b);
    result = result.map((row) => order.map((j) => row[j]!));
  }
  scaleColumns(result, colSums(result, k).map(signOrPlus));
  return result;
}
