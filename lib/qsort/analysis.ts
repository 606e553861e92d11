import type { QsortSource } from '@/db/schema';
import { analyze } from '../qmethod/analyze';
import { factorAdvice, type FactorAdvice } from '../qmethod/factor-advice';
import type { AnalysisStep, QInput, QResult, Result } from '../qmethod/types';
import { gridDistribution } from './grid';
import type { AnalysisOptions, FactorName, QsortRuntime } from './runtime';
import { scoresOf, type SortState } from './sort';

/**
 * Below this many submitted sorts the facilitator and the archive both say the factors are
 * uncertain: Q studies usually have 15–40 participants, and with a handful a "factor" is
 * little more than one or two people's view.
 */
export const FEW_SORTS = 6;

/**
 * The big screen shows factor arrays only from this many submitted sorts: with fewer, an
 * array is close to one person's own sort (small counts are not shown where they identify).
 */
export const MIN_SCREEN_SORTS = 3;

/** A submitted sort as the analysis takes it: its id (for manual flags) and display name. */
export interface FinishedSort {
  id: string;
  name: string;
  state: SortState;
  /** Where it came from; absent: a device. */
  source?: QsortSource;
  /** When it was finished (typed in, or imported), ISO 8601: the study's history in the full report. */
  submittedAt?: string;
  /** For a sort of another Q-sort merged into the study: the title of the session it was sorted in. */
  study?: string;
}

/** The finished sorts as the engine's input: statements × sorts, forced by the session's grid. */
export function analysisInput(runtime: QsortRuntime, sorts: FinishedSort[]): QInput {
  const scores = sorts.map((s) => scoresOf(s.state, runtime.grid));
  return {
    statements: runtime.statements.map((s) => s.id),
    sorts: sorts.map((s) => s.name),
    scores: runtime.statements.map((st) => scores.map((sc) => sc[st.id] ?? 0)),
    distribution: gridDistribution(runtime.grid),
  };
}

/**
 * A short key of the sorts an analysis ran on, in its order (FNV-1a over the ids). An export
 * asked for with the key of the analysis on the screen is refused when the finished sorts have
 * changed since, instead of quietly holding other numbers than the screen.
 */
export function sortSetKey(sortIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of `${sortIds.length}:${sortIds.join('\u0000')}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Runs the analysis with manual flags given by sort id (missing sorts keep no flags). */
export function runAnalysis(runtime: QsortRuntime, sorts: FinishedSort[], options: AnalysisOptions, onStep?: (step: AnalysisStep) => void): Result<QResult> {
  // A split factor is two factors, each with its own flags.
  const columns = options.factors + (options.split?.length ?? 0);
  const flags = options.flags ? sorts.map((s) => Array.from({ length: columns }, (_, f) => options.flags?.[s.id]?.[f] ?? false)) : undefined;
  const { factors, extraction, rotation, correlation, flagRule, invert, handRotations, split } = options;
  const chosen = { ...(correlation ? { correlation } : {}), ...(flagRule ? { flagRule } : {}), ...(invert?.length ? { invert } : {}), ...(handRotations?.length ? { handRotations } : {}), ...(split?.length ? { split } : {}) };
  return analyze(analysisInput(runtime, sorts), { factors, extraction, rotation, ...(flags ? { flags } : {}), ...chosen }, onStep);
}

/**
 * The help with choosing k that goes beside the scree (eigenvalues, Kaiser, Humphrey's rule,
 * parallel analysis), from the sorts correlated as the analysis correlates them.
 */
export function factorAdviceOf(runtime: QsortRuntime, sorts: FinishedSort[], options: AnalysisOptions): FactorAdvice {
  return factorAdvice(analysisInput(runtime, sorts), options.correlation ?? 'pearson');
}

/**
 * Statements that set factor `f` apart: significantly different (p < .05) from every other
 * factor that has scores, as PQMethod lists them per factor.
 */
export function distinguishingFor(result: QResult, f: number): number[] {
  const others = result.factorArrays[0]?.map((_, g) => g).filter((g) => g !== f && result.zscores.some((row) => row[g] !== null)) ?? [];
  if (others.length === 0 || result.zscores.every((row) => row[f] === null)) return [];
  return result.statements.flatMap((_, s) => {
    const significant = others.every((g) => {
      const [a, b] = f < g ? [f, g] : [g, f];
      return (result.significance[`f${a + 1}_f${b + 1}`]?.[s] ?? '') !== '';
    });
    return significant ? [s] : [];
  });
}

/** What the big screen may show: factor arrays and distinguishing statements, never loadings or names of sorts. */
export interface PublicAnalysis {
  sortCount: number;
  statements: { id: string; text: string }[];
  factors: {
    number: number;
    /** How people name it: its number, or '2a' / '2b' for the poles of a split factor. */
    label: string;
    name: string;
    description: string;
    definingSorts: number;
    /** Statement id → array value; null when no sort defines the factor. */
    array: Record<string, number> | null;
    distinguishing: { id: string; value: number; z: number }[];
  }[];
  consensus: string[];
}

/** A factor's array shows on the big screen only when at least this many sorts define it. */
export const MIN_DEFINING_SORTS = 2;

/**
 * What the big screen shows of an analysis: a factor defined by one sort has that very sort as
 * its array, so its array and distinguishing statements are left out (the name stays).
 */
export function screenAnalysis(view: PublicAnalysis): PublicAnalysis {
  return {
    ...view,
    factors: view.factors.map((f) => (f.definingSorts >= MIN_DEFINING_SORTS ? f : { ...f, array: null, distinguishing: [] })),
  };
}

export function publicAnalysis(runtime: QsortRuntime, result: QResult, names: FactorName[] = runtime.factorNames): PublicAnalysis {
  return {
    sortCount: result.sorts.length,
    statements: runtime.statements,
    factors: Array.from({ length: result.factors }, (_, f) => ({
      number: f + 1,
      label: result.factorLabels[f] ?? String(f + 1),
      name: names[f]?.name ?? '',
      description: names[f]?.description ?? '',
      definingSorts: result.flaggedCount[f] ?? 0,
      array: result.factorArrays.every((row) => row[f] !== null) ? Object.fromEntries(result.statements.map((id, s) => [id, result.factorArrays[s]![f]!])) : null,
      distinguishing: distinguishingFor(result, f).map((s) => ({ id: result.statements[s]!, value: result.factorArrays[s]![f]!, z: result.zscores[s]![f]! })),
    })),
    consensus: result.consensus,
  };
}
