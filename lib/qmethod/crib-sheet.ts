import type { QResult, SignificanceMark } from './types';

/**
 * A factor's crib sheet (Watts & Stenner, *Doing Q Methodological Research*, 2012, ch. 7): the
 * statements to read first when interpreting it, by statement index.
 * - `top` / `bottom`: at the highest / lowest value of its factor array;
 * - `higher` / `lower`: ranked higher / lower in its array than in every other factor's array
 *   (those already in `top` / `bottom` are not repeated);
 * - `distinguishing05` / `distinguishing01`: its z-score differs significantly from every other
 *   factor's (p < .05 / p < .01, from the pairwise marks of QMETHOD.md §7), as PQMethod lists
 *   distinguishing statements per factor.
 * Each list is in the order a reader wants: top and higher by descending z, bottom and lower by
 * ascending z, distinguishing by descending z.
 */
export interface CribSheet {
  factor: number;
  top: number[];
  higher: number[];
  lower: number[];
  bottom: number[];
  distinguishing05: number[];
  distinguishing01: number[];
}

const atLeast01: ReadonlySet<SignificanceMark> = new Set(['**', '***', '6*']);

/** A crib sheet per factor (1-based `factor`); null for a factor no sort defines (no array). */
export function cribSheets(result: QResult): (CribSheet | null)[] {
  const n = result.statements.length;
  const withScores = Array.from({ length: result.factors }, (_, f) => f).filter((f) => result.factorArrays.every((row) => row[f] !== null));
  const value = (s: number, f: number) => result.factorArrays[s]![f]!;
  const z = (s: number, f: number) => result.zscores[s]![f]!;
  const indices = Array.from({ length: n }, (_, s) => s);
  return Array.from({ length: result.factors }, (_, f) => {
    if (!withScores.includes(f)) return null;
    const others = withScores.filter((g) => g !== f);
    const values = indices.map((s) => value(s, f));
    const max = Math.max(...values);
    const min = Math.min(...values);
    const byZ = (direction: 1 | -1) => (a: number, b: number) => direction * (z(b, f) - z(a, f)) || a - b;
    const top = indices.filter((s) => value(s, f) === max).sort(byZ(1));
    const bottom = indices.filter((s) => value(s, f) === min).sort(byZ(-1));
    const higher = others.length === 0 ? [] : indices.filter((s) => value(s, f) !== max && others.every((g) => value(s, f) > value(s, g))).sort(byZ(1));
    const lower = others.length === 0 ? [] : indices.filter((s) => value(s, f) !== min && others.every((g) => value(s, f) < value(s, g))).sort(byZ(-1));
    const marks = (s: number) => others.map((g) => result.significance[`f${Math.min(f, g) + 1}_f${Math.max(f, g) + 1}`]?.[s] ?? '');
    const distinguishing = (pass: (m: SignificanceMark) => boolean) => (others.length === 0 ? [] : indices.filter((s) => marks(s).every(pass)).sort(byZ(1)));
    return {
      factor: f + 1,
      top,
      higher,
      lower,
      bottom,
      distinguishing05: distinguishing((m) => m !== ''),
      distinguishing01: distinguishing((m) => atLeast01.has(m)),
    };
  });
}
