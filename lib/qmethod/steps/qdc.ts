import type { QdcLabel, SignificanceMark } from '../types';

export interface QdcResult {
  /** Marks per pair key `f{a}_f{b}`, in R's `combn` order. */
  significance: Record<string, SignificanceMark[]>;
  labels: QdcLabel[];
  /** Indices of the consensus statements. */
  consensus: number[];
}

/** Critical values in qmethod 1.8.4's `qdc` (p < .000001, .001, .01, .05). */
const LEVELS: readonly [number, SignificanceMark][] = [
  [4.8916, '6*'],
  [3.291, '***'],
  [2.576, '**'],
  [1.96, '*'],
];

/**
 * Distinguishing and consensus statements as `qmethod::qdc` (QMETHOD.md §7). Factors without
 * z-scores (`null`) are left out: no pair involves them (the contract's rule; R would give NA).
 * With no pair left (k = 1, or one factor with scores) nothing is compared: no marks, no
 * consensus, every label `none`.
 */
export function distinguishingAndConsensus(
  z: readonly (readonly number[] | null)[],
  standardError: readonly (number | null)[],
  nStatements: number,
): QdcResult {
  const k = z.length;
  const pairs: { a: number; b: number; key: string; marks: SignificanceMark[] }[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const za = z[a];
      const zb = z[b];
      const sa = standardError[a];
      const sb = standardError[b];
      if (!za || !zb || sa == null || sb == null) continue;
      const sed = Math.sqrt(sa * sa + sb * sb);
      const marks = za.map((v, s) => mark(Math.abs(v - zb[s]!), sed));
      pairs.push({ a: a + 1, b: b + 1, key: `f${a + 1}_f${b + 1}`, marks });
    }
  }
  const significance = Object.fromEntries(pairs.map((p) => [p.key, p.marks]));
  if (pairs.length === 0) {
    return { significance, labels: Array.from({ length: nStatements }, () => ({ kind: 'none' })), consensus: [] };
  }
  const scored = z.flatMap((zf, f) => (zf ? [f + 1] : []));
  const labels = Array.from({ length: nStatements }, (_, s) => label(pairs, scored, s));
  const consensus = labels.flatMap((l, s) => (l.kind === 'consensus' ? [s] : []));
  return { significance, labels, consensus };
}

function mark(diff: number, sed: number): SignificanceMark {
  // R compares |d| with sed·c, each product rounded, so the thresholds are formed the same way.
  for (const [c, m] of LEVELS) if (diff > sed * c) return m;
  return '';
}

function label(pairs: { key: string; marks: SignificanceMark[] }[], scored: number[], s: number): QdcLabel {
  const sig = pairs.map((p) => p.marks[s] !== '');
  if (sig.every((x) => !x)) return { kind: 'consensus' };
  if (scored.length === 2) return { kind: 'distinguishing' };
  // Mirrors R's string building: overwritten by "only"/"all", appended to by "Distinguishes fi".
  let result = { kind: 'none' } as QdcLabel;
  for (const f of scored) {
    // R picks a factor's pairs with grep(i, names): any column name containing the digits of i,
    // so from k = 10 on, factor 1 also claims the pairs of f10, f11, … Kept for equal labels.
    const name = (key: string) => `sig_${key}`;
    const inside = pairs.map((p) => name(p.key).includes(String(f)));
    const allIn = pairs.every((_, i) => !inside[i] || sig[i]);
    const anyOut = pairs.some((_, i) => !inside[i] && sig[i]);
    const all = sig.every(Boolean);
    if (allIn && !anyOut) result = { kind: 'distinguishes-only', factor: f };
    else if (all) result = { kind: 'distinguishes-all' };
    else if (allIn && anyOut) {
      // R appends to whatever the label holds; an earlier "only" survives only with k ≥ 10.
      const prev: QdcLabel = result;
      if (prev.kind === 'distinguishes') result = { kind: 'distinguishes', factors: [...prev.factors, f], only: prev.only };
      else if (prev.kind === 'distinguishes-only') result = { kind: 'distinguishes', factors: [f], only: prev.factor };
      else result = { kind: 'distinguishes', factors: [f] };
    }
  }
  return result;
}

/** qmethod's English text of a label (the `dist.and.cons` column). */
export function formatQdcLabel(l: QdcLabel): string {
  switch (l.kind) {
    case 'consensus':
      return 'Consensus';
    case 'distinguishing':
      return 'Distinguishing';
    case 'distinguishes-only':
      return `Distinguishes f${l.factor} only`;
    case 'distinguishes-all':
      return 'Distinguishes all';
    case 'distinguishes':
      return (l.only ? `Distinguishes f${l.only} only` : '') + l.factors.map((f) => `Distinguishes f${f} `).join('');
    case 'none':
      return '';
  }
}
