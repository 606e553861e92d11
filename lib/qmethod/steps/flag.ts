import { accurateSum, type Matrix } from '../linalg/matrix';

/**
 * Automatic flagging as `qmethod::qflag` (QMETHOD.md §3): sort i is flagged on factor f when
 * |L[i,f]| > 1.96/√N and L[i,f]² exceeds the sum of its other squared loadings. Negative
 * loadings can be flagged. The sum is formed as R does (row total minus the factor's own
 * square) so near-ties fall the same way.
 */
export function autoFlags(loadings: Matrix, nStatements: number): boolean[][] {
  const threshold = 1.96 / Math.sqrt(nStatements);
  return loadings.map((row) => {
    const sq = row.map((v) => v * v);
    const total = accurateSum(sq);
    return row.map((v, f) => sq[f]! > total - sq[f]! && Math.abs(v) > threshold);
  });
}
