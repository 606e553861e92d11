import type { Matrix } from '../linalg/matrix';

/**
 * Splitting bipolar factors into their poles, as KADE's "split bipolar factor" does: factor f
 * becomes two, `fa` with its loadings as they are and `fb` with their signs turned, placed where
 * f was. The sorts that define f with a positive loading define `fa`; those that define it with a
 * negative loading define `fb`, where their loading is now positive. Each pole then gets its own
 * z-scores and array: `fb`'s is the viewpoint of the sorts that rejected f's, read in their own
 * direction, not the mirror image of `fa`'s.
 */
export interface PoleSplit {
  /** M × (k + splits): each split factor's column followed by its negation. */
  loadings: Matrix;
  /** A label per column: '1', '2a', '2b', '3'. */
  labels: string[];
  /** The factor (0-based, before the split) each column comes from. */
  origin: number[];
  /** Which pole a column is: `a` (as extracted), `b` (turned), or null for a factor not split. */
  pole: ('a' | 'b' | null)[];
}

/** `split`: 1-based factors to split, unique. */
export function splitPoles(loadings: Matrix, split: readonly number[]): PoleSplit {
  const k = loadings[0]?.length ?? 0;
  const origin: number[] = [];
  const labels: string[] = [];
  const pole: ('a' | 'b' | null)[] = [];
  for (let f = 0; f < k; f++) {
    if (split.includes(f + 1)) {
      origin.push(f, f);
      labels.push(`${f + 1}a`, `${f + 1}b`);
      pole.push('a', 'b');
    } else {
      origin.push(f);
      labels.push(String(f + 1));
      pole.push(null);
    }
  }
  return { loadings: loadings.map((row) => origin.map((f, j) => (pole[j] === 'b' ? -row[f]! : row[f]!))), labels, origin, pole };
}

/**
 * Flags found on the unsplit loadings, moved to the poles: a sort flagged on a split factor goes
 * to the pole its loading points to (`fa` when positive, `fb` when negative), as KADE moves them.
 */
export function splitFlags(flags: readonly (readonly boolean[])[], loadings: Matrix, poles: PoleSplit): boolean[][] {
  return flags.map((row, i) =>
    poles.origin.map((f, j) => {
      if (!row[f]) return false;
      const pole = poles.pole[j];
      return pole === null || (pole === 'a' ? loadings[i]![f]! >= 0 : loadings[i]![f]! < 0);
    }),
  );
}
