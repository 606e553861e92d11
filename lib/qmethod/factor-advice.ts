import { symmetricEigen } from './linalg/eigen';
import { seededRandom } from '../seeded-random';
import { correlateBy } from './steps/rank-correlate';
import type { CorrelationMethod, QInput } from './types';

/**
 * Help with choosing k, shown beside the scree plot (Watts & Stenner, ch. 6; KADE shows the
 * same): how many factors the eigenvalues, Humphrey's rule and a parallel analysis each
 * suggest. Advice only: the researcher chooses, and may keep a factor these would not.
 */
export interface FactorAdvice {
  /** Every eigenvalue of the sorts' correlation matrix, largest first (the scree). */
  eigenvalues: number[];
  /** How many exceed 1 (Kaiser–Guttman). */
  kaiser: number;
  /** Humphrey's rule on the first unrotated principal components. */
  humphrey: HumphreyFactor[];
  /** Horn's parallel analysis; null when the study has too many sorts to simulate here. */
  parallel: ParallelAnalysis | null;
}

export interface HumphreyFactor {
  factor: number;
  /** |product of the factor's two largest loadings in absolute value|. */
  product: number;
  /** Twice the standard error of a zero-order loading, 2/√N. */
  threshold: number;
  significant: boolean;
}

export interface ParallelAnalysis {
  iterations: number;
  seed: number;
  /** Per position, the 95th percentile of the eigenvalues of random studies of the same shape. */
  random95: number[];
  /** How many leading eigenvalues exceed theirs, up to the first that does not. */
  suggested: number;
}

/** Humphrey's rule is read for this many factors at most: Q studies rarely keep more. */
const HUMPHREY_FACTORS = 8;
/** Eigen-decompositions are O(M³): iterations × M³ stays under this, so the advice takes a second or so. */
const PARALLEL_BUDGET = 4e7;
const MIN_ITERATIONS = 20;
const MAX_ITERATIONS = 100;
const SEED = 20_101;

/** How many random studies a parallel analysis of `sorts` sorts gets (0: too many sorts to simulate). */
export function parallelIterations(sorts: number): number {
  const n = Math.min(MAX_ITERATIONS, Math.floor(PARALLEL_BUDGET / Math.max(1, sorts) ** 3));
  return n >= MIN_ITERATIONS ? n : 0;
}

export function factorAdvice(input: QInput, correlation: CorrelationMethod = 'pearson'): FactorAdvice {
  const { values, vectors } = symmetricEigen(correlateBy(correlation, input.scores));
  const m = input.sorts.length;
  const n = input.statements.length;
  const loadings = Array.from({ length: Math.min(HUMPHREY_FACTORS, m) }, (_, f) => vectors[f]!.map((v) => v * Math.sqrt(Math.max(values[f]!, 0))));
  return {
    eigenvalues: values,
    kaiser: values.filter((v) => v > 1).length,
    humphrey: humphreysRule(loadings, n),
    parallel: parallelAnalysis(input, values, correlation),
  };
}

/**
 * Humphrey's rule (Brown 1980, p. 223): a factor is significant when the cross-product of its two
 * highest loadings (ignoring sign) exceeds twice the standard error, 2/√N. `loadings` are per
 * factor, one value per sort.
 */
export function humphreysRule(loadings: readonly (readonly number[])[], statements: number): HumphreyFactor[] {
  const threshold = 2 / Math.sqrt(statements);
  return loadings.map((column, f) => {
    const [a = 0, b = 0] = column.map(Math.abs).sort((x, y) => y - x);
    const product = a * b;
    return { factor: f + 1, product, threshold, significant: product > threshold };
  });
}

/**
 * Horn's parallel analysis for Q: random studies with the same statements, sorts and
 * distribution (each random sort a shuffle of the grid's values), correlated the same way; a
 * factor is suggested while its eigenvalue exceeds the 95th percentile of the random ones at
 * its position. Seeded, so the same study always gets the same advice.
 */
export function parallelAnalysis(input: QInput, eigenvalues: readonly number[], correlation: CorrelationMethod, iterations = parallelIterations(input.sorts.length), seed = SEED): ParallelAnalysis | null {
  if (iterations === 0) return null;
  const m = input.sorts.length;
  const n = input.statements.length;
  const distribution = input.distribution ?? input.scores.map((row) => row[0]!);
  const random = seededRandom(seed);
  const positions = Math.min(m, HUMPHREY_FACTORS * 2);
  const samples: number[][] = Array.from({ length: positions }, () => []);
  for (let it = 0; it < iterations; it++) {
    const columns = Array.from({ length: m }, () => shuffle(distribution, random));
    const scores = Array.from({ length: n }, (_, s) => columns.map((c) => c[s]!));
    const { values } = symmetricEigen(correlateBy(correlation, scores));
    for (let i = 0; i < positions; i++) samples[i]!.push(values[i]!);
  }
  const random95 = samples.map((s) => percentile95(s));
  let suggested = 0;
  while (suggested < positions && eigenvalues[suggested]! > random95[suggested]!) suggested++;
  return { iterations, seed, random95, suggested };
}

/** The 95th percentile by linear interpolation between order statistics (R's default, type 7). */
export function percentile95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * 0.95;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

function shuffle(values: readonly number[], random: () => number): number[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
