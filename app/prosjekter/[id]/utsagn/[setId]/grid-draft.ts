import { gridColumns, gridMax, isForced, type Grid } from '@/lib/qsort/grid';

/**
 * The grid designer's editable state, apart from React so it can be reasoned about: the value
 * range and the cells typed for each value. Cells are kept per value, so narrowing the range and
 * widening it again brings the typed numbers back.
 */
export interface GridDraft {
  min: number;
  max: number;
  /** What is typed in each column's input, by column value. */
  cells: Record<number, string>;
  /** Whether every sort must fill the grid exactly. */
  forced: boolean;
}

export const MIN_VALUE = -10;
export const MIN_COLUMNS = 3;
export const MAX_COLUMNS = 21;

export function draftOf(grid: Grid): GridDraft {
  return { min: grid.min, max: gridMax(grid), cells: Object.fromEntries(gridColumns(grid).map((c) => [c.value, String(c.count)])), forced: isForced(grid) };
}

/** Whether a lowest/highest pair makes a grid the schema accepts (min −10..0, 3 to 21 columns). */
export function rangeOk(min: number, max: number): boolean {
  const columns = max - min + 1;
  return Number.isInteger(min) && Number.isInteger(max) && min >= MIN_VALUE && min <= 0 && columns >= MIN_COLUMNS && columns <= MAX_COLUMNS;
}

export const values = (d: GridDraft) => Array.from({ length: d.max - d.min + 1 }, (_, i) => d.min + i);

/** A column's typed count, or null when it is not a whole number from 0 to 60. */
export function cellCount(text: string | undefined): number | null {
  const trimmed = (text ?? '1').trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= 60 ? n : null;
}

/** The draft as a grid, or null while a count is not a number. New columns start with one cell. */
export function gridOf(d: GridDraft): Grid | null {
  const counts = values(d).map((v) => cellCount(d.cells[v]));
  return counts.every((c): c is number => c !== null) ? { min: d.min, counts, ...(d.forced ? {} : { forced: false }) } : null;
}

/** A value as the report's matrix writes it: −5 … 0 … +5. */
export const formatValue = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');
