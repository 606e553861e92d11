import type { Matrix } from '../linalg/matrix';
import type { CorrelationMethod } from '../types';
import { correlate } from './correlate';

/**
 * Correlations between the sorts by the researcher's method, as R's `cor(X, method=)` that
 * qmethod's `cor.method` passes on: Pearson on the scores; Spearman as Pearson on each sort's
 * ranks, ties given their average rank; Kendall's tau-b from the signs of every pair of
 * statements. A Q-sort is full of ties (a column's statements share a score), which is why
 * tau-b, not tau-a.
 */
export function correlateBy(method: CorrelationMethod, scores: readonly (readonly number[])[]): Matrix {
  if (method === 'pearson') return correlate(scores);
  if (method === 'spearman') return correlate(rankColumns(scores));
  return kendallTauB(scores);
}

/** Each column replaced by its ranks (1 = lowest), tied values sharing their average rank. */
export function rankColumns(scores: readonly (readonly number[])[]): number[][] {
  const n = scores.length;
  const m = n === 0 ? 0 : scores[0]!.length;
  const ranks = scores.map((row) => row.map(() => 0));
  for (let j = 0; j < m; j++) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]![j]! - scores[b]![j]!);
    for (let start = 0; start < n; ) {
      let end = start;
      while (end + 1 < n && scores[order[end + 1]!]![j] === scores[order[start]!]![j]) end++;
      // Positions start..end (0-based) hold one value: each gets the mean of ranks start+1..end+1.
      const rank = (start + end) / 2 + 1;
      for (let p = start; p <= end; p++) ranks[order[p]!]![j] = rank;
      start = end + 1;
    }
  }
  return ranks;
}

/** Kendall's tau-b between every pair of columns: Σ sgn·sgn over statement pairs / √(untied pairs of each). */
function kendallTauB(scores: readonly (readonly number[])[]): Matrix {
  const n = scores.length;
  const m = n === 0 ? 0 : scores[0]!.length;
  const pairs = (n * (n - 1)) / 2;
  // Each sort as the signs of its statement pairs, so a correlation is one dot product of small integers.
  const signs = Array.from({ length: m }, (_, j) => {
    const s = new Int8Array(pairs);
    let k = 0;
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) s[k++] = Math.sign(scores[a]![j]! - scores[b]![j]!);
    return s;
  });
  const untied = signs.map((s) => s.reduce((sum, v) => sum + v * v, 0));
  const r: Matrix = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let a = 0; a < m; a++) {
    r[a]![a] = 1;
    const sa = signs[a]!;
    for (let b = 0; b < a; b++) {
      const sb = signs[b]!;
      let concordance = 0;
      for (let k = 0; k < pairs; k++) concordance += sa[k]! * sb[k]!;
      const v = Math.max(-1, Math.min(1, concordance / Math.sqrt(untied[a]! * untied[b]!)));
      r[a]![b] = v;
      r[b]![a] = v;
    }
  }
  return r;
}
