import type { QsortRuntime } from './runtime';

/** Another Q-sort of the project that can join a study, as the console lists it (`qsort:merge`). */
export interface MergeCandidate {
  sessionId: string;
  activityId: string;
  /** The session's title, as the facilitator named it. */
  title: string;
  createdAt: string;
  /** Its finished sorts. */
  done: number;
  merged: boolean;
}

/**
 * Sorts of two Q-sorts can be analysed as one study only when they sorted the same statements
 * (by id, in any display order) on the same grid: a sort's scores are read off its grid.
 */
export function sameStudy(a: Pick<QsortRuntime, 'statements' | 'grid'>, b: Pick<QsortRuntime, 'statements' | 'grid'>): boolean {
  const ids = (r: Pick<QsortRuntime, 'statements'>) => JSON.stringify(r.statements.map((s) => s.id).sort());
  return ids(a) === ids(b) && a.grid.min === b.grid.min && JSON.stringify(a.grid.counts) === JSON.stringify(b.grid.counts);
}
