import { z } from 'zod';

/**
 * The distribution of a Q-sort: columns from `min` upwards, `counts[i]` cells in column
 * `min + i`. It must hold exactly as many cells as the set has statements. Forced unless
 * `forced` is false: then the counts are the suggested shape, a participant may put more or
 * fewer statements in a column, and the analysis reads factor arrays off the suggested shape
 * (qmethod's `forced = FALSE` with this distribution).
 */
export const gridSchema = z
  .object({
    min: z.number().int().min(-10).max(0),
    counts: z.array(z.number().int().min(0).max(60)).min(3).max(21),
    forced: z.boolean().optional(),
  })
  .refine((g) => g.counts[0]! > 0 && g.counts.at(-1)! > 0, { message: 'EMPTY_EDGE' });
export type Grid = z.infer<typeof gridSchema>;

export interface GridColumn {
  value: number;
  count: number;
}

/** Whether every sort must fill the grid exactly (the default). */
export const isForced = (grid: Grid) => grid.forced !== false;

/**
 * The cells a participant's board shows for a sort as it stands. A forced grid is itself. An
 * unforced one shows at least its suggested cells, and while statements wait to be placed, a
 * column that is full gets one more free cell, so any column can take another.
 */
export function boardGrid(grid: Grid, columns: readonly (readonly unknown[])[]): Grid {
  if (isForced(grid)) return grid;
  const waiting = gridCells(grid) - columns.reduce((n, c) => n + c.length, 0) > 0;
  return { ...grid, counts: grid.counts.map((count, i) => Math.max(count, (columns[i]?.length ?? 0) + (waiting ? 1 : 0))) };
}

export const gridColumns = (grid: Grid): GridColumn[] => grid.counts.map((count, i) => ({ value: grid.min + i, count }));
export const gridCells = (grid: Grid) => grid.counts.reduce((a, b) => a + b, 0);
export const gridMax = (grid: Grid) => grid.min + grid.counts.length - 1;

/** The distribution as N values, ascending: what the analysis calls the forced distribution. */
export const gridDistribution = (grid: Grid): number[] => gridColumns(grid).flatMap((c) => Array<number>(c.count).fill(c.value));

/** Why a grid cannot take a set of statements, or null when it fits. */
export function gridProblem(grid: Grid, statementCount: number): 'GRID_SIZE_MISMATCH' | null {
  return gridCells(grid) === statementCount ? null : 'GRID_SIZE_MISMATCH';
}

/** The grid of the report's study: 36 statements on −5..+5 as 1-2-3-4-5-6-5-4-3-2-1. */
export const seedGrid: Grid = { min: -5, counts: [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1] };

/**
 * A symmetric quasi-normal grid for `n` statements: the seed's shape when it fits, otherwise
 * the widest pyramid (one cell at each extreme, growing by one towards the middle) that `n`
 * fills, with the remainder spread from the middle outwards. Fewer than 3 statements get one
 * column per statement's worth of a flat −1..+1 grid.
 */
export function suggestGrid(n: number): Grid {
  if (n === gridCells(seedGrid)) return seedGrid;
  if (n < 4) return { min: -1, counts: [1, Math.max(1, n - 2), 1] };
  for (let half = 10; half >= 1; half--) {
    const counts = Array.from({ length: 2 * half + 1 }, (_, i) => half + 1 - Math.abs(i - half));
    let rest = n - counts.reduce((a, b) => a + b, 0);
    if (rest < 0) continue;
    // Add the rest where the shape stays peaked: the innermost pair of columns that is still
    // lower than its neighbour towards the middle, else the middle itself.
    while (rest > 0) {
      const d = rest >= 2 ? Array.from({ length: half }, (_, k) => k).find((k) => counts[half - 1 - k]! < counts[half - k]!) : undefined;
      if (d === undefined) {
        counts[half]! += 1;
        rest -= 1;
      } else {
        counts[half - 1 - d]! += 1;
        counts[half + 1 + d]! += 1;
        rest -= 2;
      }
    }
    return { min: -half, counts };
  }
  return { min: -1, counts: [1, n - 2, 1] };
}
