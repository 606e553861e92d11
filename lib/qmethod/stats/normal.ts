/**
 * The standard normal distribution's upper tail and its inverse, from first principles (no
 * table of fitted coefficients): erfc by a positive series below x = 2 and by its continued
 * fraction above, the quantile by Newton's method on it. Accurate to about 1e-13 over the
 * significance levels a researcher types (p down to 1e-12), which is all flagging needs.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erfc(x) for x ≥ 0. */
function erfcNonNegative(x: number): number {
  // Below 2 the series; above, the continued fraction, which there converges in a few dozen terms
  // and keeps erfc's relative accuracy where 1 − erf would cancel.
  if (x < 2) {
    // erf(x) = 2/√π · e^{−x²} · Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): every term positive, nothing cancels.
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - ((2 / SQRT_PI) * Math.exp(-x * x) * sum);
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** P(Z > z) for the standard normal Z. */
export function normalUpperTail(z: number): number {
  return z >= 0 ? erfcNonNegative(z / Math.SQRT2) / 2 : 1 - erfcNonNegative(-z / Math.SQRT2) / 2;
}

/** The z with P(|Z| > z) = p: the two-sided critical value of significance level p (0 < p < 1). */
export function twoSidedCriticalZ(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a significance level lies between 0 and 1, got ${p}`);
  const target = p / 2;
  let z = 1;
  for (let i = 0; i < 100; i++) {
    const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const step = (normalUpperTail(z) - target) / density;
    z += step;
    if (Math.abs(step) < 1e-15 * Math.max(1, z)) break;
  }
  return z;
}
