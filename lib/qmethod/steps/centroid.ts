import { accurateSum, colSums, zeros, type Matrix } from '../linalg/matrix';

/** Why the centroid iteration stopped without a factor (R would hang or stop with an error). */
export type CentroidFailure = 'NO_POSITIVE_MANIFOLD' | 'NOT_CONVERGED';

export type CentroidResult = { ok: true; loadings: Matrix } | { ok: false; reason: CentroidFailure; factor: number };

/**
 * Brown's centroid method exactly as `qmethod::centroid(tmat, nfactors, spc = 1e-5)`
 * (QMETHOD.md §2b), including its quirks, because researchers compare with its numbers:
 * - reflection picks *every* column whose sum equals the minimum and assigns the negated rows
 *   to those columns in R's column-major order (only matters for exact ties, e.g. two sorts);
 * - the convergence test comes before the first update;
 * - the residual is taken from the reflected matrix and un-reflected last-first.
 * R loops forever when a column sum stays at exactly 0 and stops with an error when Σt ≤ 0;
 * here both are reported as a failure instead.
 * Column sums are recomputed after every reflection with compensated sums (as R recomputes
 * them in long double): with few statements and repeated sorts the sums tie or cancel exactly,
 * and only R's way of summing makes the same reflections. (An incremental update was tried:
 * faster, but it broke ties differently from R on such data.)
 */
export function centroid(r: Matrix, k: number, spc = 1e-5): CentroidResult {
  const m = r.length;
  let t = r.map((row) => row.slice());
  const loadings = zeros(m, k);
  for (let factor = 0; factor < k; factor++) {
    for (let i = 0; i < m; i++) t[i]![i] = 0;
    const reflected: number[] = [];
    // Every reflection raises the matrix total, so a valid run ends within 2^M steps and in
    // practice within M; the bound only catches a column sum stuck at exactly 0.
    for (let step = 0; ; step++) {
      const cs = colSums(t, m);
      if (cs.every((s) => s > 0)) break;
      if (step > 50 * m + 100) return { ok: false, reason: 'NO_POSITIVE_MANIFOLD', factor: factor + 1 };
      const min = Math.min(...cs);
      const oo = cs.flatMap((s, j) => (s === min ? [j] : []));
      reflect(t, oo);
      reflected.push(...oo);
    }
    const cs = colSums(t, m);
    let rmean = cs.map((s) => s / (m - 1));
    let f = normalise(rmean.map((v, j) => v + cs[j]!));
    for (let iter = 0; !rmean.every((v, j) => Math.abs(v - f[j]! * f[j]!) < spc); iter++) {
      if (iter > 100_000 || f.some((v) => !Number.isFinite(v))) {
        return { ok: false, reason: 'NOT_CONVERGED', factor: factor + 1 };
      }
      rmean = f.map((v) => v * v);
      f = normalise(rmean.map((v, j) => v + cs[j]!));
    }
    if (f.some((v) => !Number.isFinite(v))) return { ok: false, reason: 'NOT_CONVERGED', factor: factor + 1 };
    const loading = f.slice();
    for (const j of reflected) loading[j] = -loading[j]!;
    for (let i = 0; i < m; i++) loadings[i]![factor] = loading[i]!;
    const residual = t.map((row, i) => row.map((v, j) => v - f[i]! * f[j]!));
    for (let n = reflected.length - 1; n >= 0; n--) {
      const j = reflected[n]!;
      for (let c = 0; c < m; c++) residual[j]![c] = -residual[j]![c]!;
      for (let row = 0; row < m; row++) residual[row]![j] = -residual[row]![j]!;
    }
    t = residual;
  }
  return { ok: true, loadings };
}

function normalise(t: number[]): number[] {
  const root = Math.sqrt(accurateSum(t));
  return t.map((v) => v / root);
}

/** R: `vec <- tmat[oo,] * -1; tmat[oo,] <- vec; tmat[,oo] <- vec` (vec recycled column-major). */
function reflect(t: Matrix, oo: readonly number[]): void {
  const m = t.length;
  const vec = oo.map((o) => t[o]!.map((v) => -v));
  oo.forEach((o, a) => {
    t[o] = vec[a]!.slice();
  });
  // vec is |oo| × M; R reads it column-major into the M × |oo| block of columns oo.
  let idx = 0;
  for (const o of oo) {
    for (let row = 0; row < m; row++, idx++) {
      t[row]![o] = vec[idx % oo.length]![Math.floor(idx / oo.length)]!;
    }
  }
}
