/**
 * Double-double helpers (error-free transformations) to reproduce R's long-double sums in
 * `cor()`: the result rounds to the same double as R's in all but freak cases, which keeps
 * exact symmetries in the data (mirrored or repeated sorts) exact in the correlations, as in R.
 */

const SPLITTER = 134217729; // 2^27 + 1

/** a·b as hi + lo exactly (Dekker; JavaScript has no fused multiply-add). */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return [p, al * bl - (((p - ah * bh) - al * bh) - ah * bl)];
}

/** a + b as hi + lo exactly (Knuth). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** A running double-double sum. */
export class ExactSum {
  hi = 0;
  lo = 0;
  add(x: number): void {
    const [s, e] = twoSum(this.hi, x);
    this.hi = s;
    this.lo += e;
  }
  /** (hi + lo) / n, rounded once. */
  dividedBy(n: number): number {
    const [hi, lo] = twoSum(this.hi, this.lo);
    const q = hi / n;
    const [p, pe] = twoProduct(q, n);
    return q + ((hi - p) - pe + lo) / n;
  }
}
