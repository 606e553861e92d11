/**
 * What a result file says about the analysis it holds, beside the numbers: which study, when,
 * how many sorts, and the factors' names. k, extraction, rotation and the flagging are the
 * result's own (`QResult`), so a file can never state other settings than those it was made with.
 */
export interface AnalysisRecord {
  /** The statement set's name. */
  study: string;
  /** When the analysis was run for this file (ISO 8601). */
  analysedAt: string;
  /** The researcher's names for the factors, by number (1-based); unnamed ones left out. */
  factorNames: { number: number; name: string; description: string }[];
  /** The sorts (by name) typed in from paper rather than sorted on a device; absent or empty: none. */
  paperSorts?: string[];
  /** False when participants could put more or fewer statements in a column than the grid shows; absent or true: forced. */
  forced?: boolean;
  /** Every sort in the order analysed, with where it came from and when it was finished: the study's history. */
  history?: SortHistory[];
}

/** One sort's part in the study's history. `at` is ISO 8601, null when not known. */
export interface SortHistory {
  sort: string;
  source: 'live' | 'paper' | 'import';
  at: string | null;
  /** For a sort of another Q-sort merged into the study: the session it was sorted in. */
  study?: string;
}
