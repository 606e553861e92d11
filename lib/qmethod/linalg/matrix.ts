/** Small dense-matrix helpers on arrays of rows. */

export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function transpose(a: readonly (readonly number[])[]): Matrix {
  const rows = a.length;
  const cols = rows === 0 ? 0 : a[0]!.length;
  const t = zeros(cols, rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j]![i] = a[i]![j]!;
  return t;
}

export function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  const n = a.length;
  const inner = b.length;
  const m = inner === 0 ? 0 : b[0]!.length;
  const c = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    const ci = c[i]!;
    for (let k = 0; k < inner; k++) {
      const aik = ai[k]!;
      if (aik === 0) continue;
      const bk = b[k]!;
      for (let j = 0; j < m; j++) ci[j] = ci[j]! + aik * bk[j]!;
    }
  }
  return c;
}

/**
 * Σ with compensated (Kahan–Babuška) summation: the result is the exact sum rounded to double
 * in all but freak cases. R's sum, colSums and rowSums accumulate in 80-bit long double, which
 * gives that same rounded result, so sums of the same numbers in another order come out equal
 * here as in R. That matters for exact ties: identical sorts give columns that are
 * permutations of each other, and the centroid method and the factor arrays branch on
 * equality of such sums.
 */
export function accurateSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Column sums, each as R's colSums (the same arithmetic as accurateSum, row by row). */
export function colSums(a: readonly (readonly number[])[], cols = a[0]?.length ?? 0): number[] {
  const sum = new Float64Array(cols);
  const compensation = new Float64Array(cols);
  for (const row of a) {
    for (let j = 0; j < cols; j++) {
      const s = sum[j]!;
      const x = row[j]!;
      const t = s + x;
      compensation[j] = compensation[j]! + (Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s);
      sum[j] = t;
    }
  }
  return Array.from(sum, (s, j) => s + compensation[j]!);
}

/** Sign as R's `sign()`, except that 0 counts as +1 (psych's convention for loadings). */
export function signOrPlus(x: number): 1 | -1 {
  return x < 0 ? -1 : 1;
}

/** Multiply each column j by `signs[j]`, in place. */
export function scaleColumns(a: Matrix, signs: readonly number[]): void {
  for (const row of a) for (let j = 0; j < row.length; j++) row[j] = row[j]! * signs[j]!;
}

export function mean(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** Sample standard deviation (denominator n − 1), two-pass like R's `sd`. */
export function sd(x: readonly number[]): number {
  const m = mean(x);
  let ss = 0;
  for (const v of x) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (x.length - 1));
}

/** Pearson correlation of two equally long vectors; NaN when one is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}
