/**
 * Types of the Q-method analysis engine. The engine follows `QMETHOD.md` (the contract) and the
 * qmethod R package 1.8.4 it describes; see `docs/qmethod.md`.
 * Matrices are arrays of rows: `scores[statement][sort]`, `loadings[sort][factor]`.
 */

/** How factors are extracted from the correlation matrix. */
export type Extraction = 'pca' | 'centroid';
/** Orthogonal rotation applied to the extracted loadings. */
export type Rotation = 'varimax' | 'none';
/** A judgmental rotation: factors `a` and `b` (1-based, different) turned by `degrees` in their plane. */
export interface HandRotation {
  a: number;
  b: number;
  degrees: number;
}

/** How sorts are correlated (qmethod's `cor.method`); Pearson is qmethod's default and the contract's. */
export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';
/** The methods' own names, the same in every language. */
export const CORRELATION_NAMES: Readonly<Record<CorrelationMethod, string>> = { pearson: 'Pearson', spearman: 'Spearman', kendall: 'Kendall' };

/**
 * The rule for automatic flagging (QMETHOD.md §3): a loading must pass the two-sided critical
 * value of `significance` over √N, and, with `majority`, hold most of the sort's common
 * variance. qmethod's `qflag` is p < .05 (1.96) with the majority rule.
 */
export interface FlaggingRule {
  significance: number;
  majority: boolean;
}

/** The Q-sorts to analyse: N statements × M sorts. */
export interface QInput {
  /** Statement ids, one per row of `scores` (N). Must be unique. */
  statements: string[];
  /** Sort names (participants or pseudonyms), one per column of `scores` (M). Must be unique. */
  sorts: string[];
  /** `scores[s][j]`: the value sort j gave statement s. Finite numbers, usually integers. */
  scores: number[][];
  /**
   * The distribution when sorts are *not* forced (N values, in any order). When omitted the
   * distribution is forced: every sort must hold the same multiset of values as the first.
   */
  distribution?: number[];
}

export interface AnalyzeOptions {
  /** Number of factors k, 1 ≤ k ≤ M. */
  factors: number;
  extraction: Extraction;
  rotation: Rotation;
  /**
   * Manual flags (M × k) replacing the automatic ones (QMETHOD.md §3). Z-scores, arrays,
   * characteristics and distinguishing statements all follow them.
   */
  flags?: boolean[][];
  /** Default `pearson`. */
  correlation?: CorrelationMethod;
  /** The automatic flagging's rule; default p < .05 with the majority rule, as qmethod. */
  flagRule?: FlaggingRule;
  /**
   * Factors (1-based) to turn around after rotation, as KADE's "invert": their loadings change
   * sign, so the factor's array is read from the other pole (a bipolar factor whose negative
   * sorts are the ones to interpret). Flags, by size, stay; z-scores change sign and the
   * array and distinguishing statements follow.
   */
  invert?: number[];
  /** Judgmental rotations after varimax (or instead of it), in order (`steps/hand-rotate.ts`). */
  handRotations?: HandRotation[];
  /**
   * Bipolar factors (1-based, after rotation and inversion) to split into their two poles, as
   * KADE does (`steps/split-poles.ts`): factor f becomes `fa` and `fb` in its place, so the
   * result has k + (number split) factors. With `flags`, the flags are for those factors.
   */
  split?: number[];
}

export type QErrorCode =
  | 'EMPTY_FILE'
  | 'BAD_ENCODING'
  | 'BAD_CSV'
  | 'BAD_SHAPE'
  | 'TOO_FEW_STATEMENTS'
  | 'TOO_FEW_SORTS'
  | 'NON_NUMERIC'
  | 'DUPLICATE_SORT_NAMES'
  | 'DUPLICATE_STATEMENT_IDS'
  | 'DISTRIBUTION_MISMATCH'
  | 'DISTRIBUTION_LENGTH'
  | 'ZERO_VARIANCE'
  | 'FACTORS_OUT_OF_RANGE'
  | 'BAD_OPTION'
  | 'BAD_FLAGS'
  | 'EXTRACTION_FAILED'
  /** The analysis was stopped before it finished (the web app's cancel). */
  | 'CANCELLED';

/** An expected failure: bad input or options. `message` is English, for logs and the CLI. */
export interface QError {
  code: QErrorCode;
  message: string;
  /** Sort name involved (duplicate name, broken distribution, zero variance). */
  sort?: string;
  /** Statement id or 1-based row involved (non-numeric value, duplicate id). */
  statement?: string;
  /** 1-based line of the CSV file, when parsing. */
  line?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: QError };

/** Significance mark of a z-score difference (QMETHOD.md §7), `''` when not significant. */
export type SignificanceMark = '' | '*' | '**' | '***' | '6*';

/**
 * Per-statement label of qmethod's `dist.and.cons` column, structured so the UI can translate
 * it. `formatQdcLabel` gives the R package's English text.
 */
export type QdcLabel =
  | { kind: 'consensus' }
  /** k = 2: any significant difference. */
  | { kind: 'distinguishing' }
  /** k > 2: every pair with `factor` significant, no other pair. */
  | { kind: 'distinguishes-only'; factor: number }
  /** k > 2: every pair significant. */
  | { kind: 'distinguishes-all' }
  /** k > 2: every pair with each listed factor significant, and some other pairs too. */
  | { kind: 'distinguishes'; factors: number[]; /** R quirk, k ≥ 10 only: a preceding "only". */ only?: number }
  /** Neither consensus nor clearly distinguishing (or no comparison was possible). */
  | { kind: 'none' };

export type QWarning =
  /** A factor with no flagged sort: it has no z-scores, array or standard error. */
  | { code: 'NO_FLAGGED_SORTS'; factor: number }
  /** A sort flagged on a negative loading: it defines the factor's mirror image. */
  | { code: 'NEGATIVE_FLAG'; sort: string; factor: number };

/** Everything the analysis gives. Factors are numbered 1..k in keys and labels. */
export interface QResult {
  statements: string[];
  sorts: string[];
  factors: number;
  extraction: Extraction;
  rotation: Rotation;
  /** Whether `flagged` came from `AnalyzeOptions.flags`. */
  flagging: 'automatic' | 'manual';
  correlation: CorrelationMethod;
  /** The factors turned around (1-based, ascending); empty when none. */
  inverted: number[];
  /** The factors split into poles (1-based, of the k extracted, ascending); empty when none. */
  split: number[];
  /**
   * A label per factor of the result: '1', '2', … and, for a split factor f, 'fa' and 'fb'.
   * `factors`, loadings' columns and pair keys (`f1_f2`) count the result's factors in order;
   * these labels are how people name them.
   */
  factorLabels: string[];
  /** The judgmental rotations applied after `rotation`, in order; empty when none. */
  handRotations: HandRotation[];
  /** The rule automatic flagging used (or would have, with manual flags), and its loading threshold z/√N. */
  flagRule: FlaggingRule & { threshold: number };
  /** Final loadings, M × k. */
  loadings: number[][];
  /** Flags used for the scores, M × k. */
  flagged: boolean[][];
  /** Z-scores, N × k; `null` for a factor with no flagged sort. */
  zscores: (number | null)[][];
  /** Factor arrays (values of the distribution), N × k; `null` as for z-scores. */
  factorArrays: (number | null)[][];
  /** Σ of squared loadings per factor. */
  eigenvalues: number[];
  /** 100 · eigenvalue / M. */
  explainedVariance: number[];
  /** Number of flagged sorts per factor. */
  flaggedCount: number[];
  reliability: number[];
  /** Standard error of the factor scores; `null` for a factor with no flagged sort. */
  standardError: (number | null)[];
  /** Pearson correlations between the factors' z-scores (k × k); `null` where undefined. */
  factorCorrelations: (number | null)[][];
  /** Marks per pair `f{a}_f{b}` (a < b, both with scores), one per statement. */
  significance: Record<string, SignificanceMark[]>;
  /** qmethod's `dist.and.cons` per statement. */
  qdcLabels: QdcLabel[];
  /** Ids of the consensus statements, in statement order. */
  consensus: string[];
  warnings: QWarning[];
}

/** The analysis's steps in order, as a long one reports its progress. */
export const ANALYSIS_STEPS = ['correlate', 'extract', 'rotate', 'score'] as const;
export type AnalysisStep = (typeof ANALYSIS_STEPS)[number];
