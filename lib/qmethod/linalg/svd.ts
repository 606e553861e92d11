/**
 * Singular value decomposition of a small square matrix by one-sided Jacobi (Hestenes).
 * Varimax only needs, per iteration, the orthogonal polar factor U·Vᵀ of a k × k matrix and
 * the sum of its singular values; both are independent of the sign and order choices that
 * make SVDs non-unique, so this agrees with R's `La.svd` (LAPACK) to rounding.
 */

export interface PolarFactor {
  /** U·Vᵀ, k × k. */
  orthogonal: number[][];
  /** Σ of the singular values. */
  singularSum: number;
}

export function polarFactor(b: readonly (readonly number[])[]): PolarFactor {
  const k = b.length;
  // Work on columns: a[c] is column c of B, v[c] is column c of V.
  const a = Array.from({ length: k }, (_, c) => Float64Array.from(b, (row) => row[c]!));
  const v = Array.from({ length: k }, (_, c) => {
    const col = new Float64Array(k);
    col[c] = 1;
    return col;
  });
  const eps = 1e-15;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const ap = a[p]!;
        const aq = a[q]!;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < k; i++) {
          alpha += ap[i]! * ap[i]!;
          beta += aq[i]! * aq[i]!;
          gamma += ap[i]! * aq[i]!;
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotate(ap, aq, c, s);
        rotate(v[p]!, v[q]!, c, s);
      }
    }
    if (!rotated) break;
  }
  // Columns of A are now σ_c·u_c. U·Vᵀ = Σ_c u_c v_cᵀ.
  const units: (Float64Array | null)[] = a.map((col) => {
    const sigma = Math.hypot(...col);
    return sigma === 0 ? null : col.map((x) => x / sigma);
  });
  const singularSum = a.reduce((s, col) => s + Math.hypot(...col), 0);
  // A zero singular value leaves u_c undefined. LAPACK completes U with unit vectors (for
  // B = 0 it returns U = V = I, which keeps varimax's TT at I as in R); do the same, made
  // orthogonal to the other columns.
  units.forEach((u, c) => {
    if (u) return;
    const e = new Float64Array(k);
    e[c] = 1;
    for (const other of units) {
      if (!other || other === e) continue;
      const dot = other.reduce((s, x, i) => s + x * e[i]!, 0);
      for (let i = 0; i < k; i++) e[i] = e[i]! - dot * other[i]!;
    }
    const norm = Math.hypot(...e);
    units[c] = norm === 0 ? e : e.map((x) => x / norm);
  });
  const orthogonal = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  units.forEach((u, c) => {
    const vc = v[c]!;
    for (let i = 0; i < k; i++) {
      const row = orthogonal[i]!;
      for (let j = 0; j < k; j++) row[j] = row[j]! + u![i]! * vc[j]!;
    }
  });
  return { orthogonal, singularSum };
}

function rotate(x: Float64Array, y: Float64Array, c: number, s: number): void {
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    x[i] = c * xi - s * yi;
    y[i] = s * xi + c * yi;
  }
}
