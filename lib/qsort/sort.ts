import { z } from 'zod';
import { guarded } from '../privacy/free-text';
import { gridCells, gridColumns, isForced, type Grid } from './grid';
import { qsortSteps } from './instructions';

/**
 * One participant's Q-sort as it grows: piles, placements column by column, comments and an
 * optional pseudonym. Saved whole after every change, so a reload or another phone resumes it.
 */
export const piles = ['agree', 'neutral', 'disagree'] as const;
export type Pile = (typeof piles)[number];

const key = z.string().regex(/^\d{1,4}$/);
export const sortStateSchema = z.object({
  step: z.enum([...qsortSteps, 'done']),
  piles: z.record(key, z.enum(piles)),
  /** `columns[i]` holds the statements placed in the grid's column i (lowest value first). */
  columns: z.array(z.array(key)),
  /** Why a statement at an extreme is placed there. */
  comments: z.record(key, guarded(z.string().trim().max(1000))),
  /** Anything the participant misses among the statements. */
  missing: guarded(z.string().trim().max(2000)),
  pseudonym: guarded(z.string().trim().max(40)),
});
export type SortState = z.infer<typeof sortStateSchema>;

export const emptySort = (grid: Grid): SortState => ({ step: 'read', piles: {}, columns: grid.counts.map(() => []), comments: {}, missing: '', pseudonym: '' });

/** Why a saved state does not fit the grid and the set, or null when it does. */
export function sortProblem(state: SortState, grid: Grid, statementIds: string[]): 'BAD_SORT' | null {
  const known = new Set(statementIds);
  if (state.columns.length !== grid.counts.length) return 'BAD_SORT';
  const placed = state.columns.flat();
  if (new Set(placed).size !== placed.length || placed.some((id) => !known.has(id))) return 'BAD_SORT';
  // An unforced grid lets a column hold more than its suggested cells; the set's statements are still each placed once.
  if (isForced(grid) && state.columns.some((c, i) => c.length > grid.counts[i]!)) return 'BAD_SORT';
  if (Object.keys(state.piles).some((id) => !known.has(id)) || Object.keys(state.comments).some((id) => !known.has(id))) return 'BAD_SORT';
  return null;
}

/** Every cell filled; on an unforced grid, every statement placed, in whatever columns. */
export const isComplete = (state: SortState, grid: Grid) =>
  isForced(grid) ? state.columns.every((c, i) => c.length === grid.counts[i]) : state.columns.flat().length === gridCells(grid);
export const placedColumn = (state: SortState, id: string) => state.columns.findIndex((c) => c.includes(id));
export const unplaced = (state: SortState, ids: string[]) => ids.filter((id) => placedColumn(state, id) < 0);

/** Places a statement in a column (moving it from where it was); null when the column is full. */
export function place(state: SortState, grid: Grid, id: string, column: number): SortState | null {
  const from = placedColumn(state, id);
  if (from === column) return state;
  if (column < 0 || column >= grid.counts.length || state.columns[column]!.length >= grid.counts[column]!) return null;
  return { ...state, columns: state.columns.map((c, i) => (i === column ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id))) };
}

export function unplace(state: SortState, id: string): SortState {
  return { ...state, columns: state.columns.map((c) => c.filter((x) => x !== id)) };
}

/** Swaps two statements' places; either may be unplaced (then the other takes its cell). */
export function swap(state: SortState, a: string, b: string): SortState {
  const [ca, cb] = [placedColumn(state, a), placedColumn(state, b)];
  if (a === b || (ca < 0 && cb < 0)) return state;
  return {
    ...state,
    columns: state.columns.map((c, i) => (i === ca || i === cb ? c.map((x) => (x === a ? b : x === b ? a : x)) : c)),
  };
}

/** The value each placed statement got, by statement id. */
export function scoresOf(state: SortState, grid: Grid): Record<string, number> {
  const columns = gridColumns(grid);
  return Object.fromEntries(state.columns.flatMap((c, i) => c.map((id) => [id, columns[i]!.value])));
}

/** The statements in the two extreme columns: the ones the participant is asked about. */
export const extremes = (state: SortState) => [...(state.columns[0] ?? []), ...(state.columns.at(-1) ?? [])];

/** The columns the instructions suggest for a pile: A to the positive side, B to the negative, C in the middle. */
export function suggestedColumns(grid: Grid, pile: Pile | undefined): number[] {
  const columns = gridColumns(grid);
  const indices = columns.map((_, i) => i);
  if (pile === 'agree') return indices.filter((i) => columns[i]!.value > 0).reverse();
  if (pile === 'disagree') return indices.filter((i) => columns[i]!.value < 0);
  return indices.filter((i) => Math.abs(columns[i]!.value) <= 2);
}
