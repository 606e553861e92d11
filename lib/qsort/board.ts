import { gridColumns, type Grid } from './grid';
import { piles, place, placedColumn, suggestedColumns, swap, unplace, type Pile, type SortState } from './sort';

/**
 * The participant's grid as a board of cells: which cell is free, what a click, tap, drop or
 * Enter on a cell does, and how arrow keys move over a pyramid whose columns have uneven
 * heights. Pure, so the laptop pyramid, the phone's step-by-step placement and drag and drop
 * share one set of rules and the tests can run every sequence of moves.
 */

/** A cell: its column and its slot in that column, counted from the top of the column (0). */
export interface Cell {
  column: number;
  slot: number;
}

/** What the participant holds (picked up, selected) while choosing a cell, with the sort. */
export interface Board {
  state: SortState;
  held: string | null;
}

/** What an action did, for the screen-reader announcement and the focus that follows. */
export type Outcome =
  | { kind: 'picked'; id: string }
  | { kind: 'putBack'; id: string }
  | { kind: 'placed'; id: string; column: number }
  | { kind: 'swapped'; id: string; other: string; column: number; otherColumn: number }
  | { kind: 'returned'; id: string }
  | { kind: 'none' };

/** The tallest column's height: columns are bottom-aligned to it, so the shape reads as the distribution. */
export const boardHeight = (grid: Grid) => Math.max(...grid.counts);

/** The visual row (0 = top) of a cell in the bottom-aligned pyramid. */
export const rowOf = (grid: Grid, cell: Cell) => boardHeight(grid) - grid.counts[cell.column]! + cell.slot;

export const occupant = (state: SortState, cell: Cell): string | null => state.columns[cell.column]?.[cell.slot] ?? null;
export const freeIn = (state: SortState, grid: Grid, column: number) => grid.counts[column]! - state.columns[column]!.length;
export const isCell = (grid: Grid, cell: Cell) => cell.column >= 0 && cell.column < grid.counts.length && cell.slot >= 0 && cell.slot < grid.counts[cell.column]!;

export function cellOf(state: SortState, id: string): Cell | null {
  const column = placedColumn(state, id);
  return column < 0 ? null : { column, slot: state.columns[column]!.indexOf(id) };
}

/** The statements not yet in the grid, agreed ones first, then neutral, disagreed, unsorted. */
export function trayOrder(state: SortState, ids: string[]): string[] {
  const waiting = ids.filter((id) => placedColumn(state, id) < 0);
  return [...piles, undefined].flatMap((p) => waiting.filter((id) => state.piles[id] === p));
}

/**
 * Where a statement from a pile most likely goes: the first free cell in the columns the
 * instructions suggest for its pile, else the free column nearest the middle. Null when full.
 */
export function suggestedCell(state: SortState, grid: Grid, pile: Pile | undefined): Cell | null {
  const values = gridColumns(grid).map((c) => c.value);
  const byMiddle = values.map((_, i) => i).sort((a, b) => Math.abs(values[a]!) - Math.abs(values[b]!) || a - b);
  const column = [...suggestedColumns(grid, pile), ...byMiddle].find((i) => freeIn(state, grid, i) > 0);
  return column === undefined ? null : { column, slot: state.columns[column]!.length };
}

export type Direction = 'left' | 'right' | 'up' | 'down' | 'first' | 'last';

/** The arrow keys' names, as KeyboardEvent.key gives them, and Home/End. */
export const keyDirections: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'first', End: 'last' };

/**
 * The cell an arrow key leads to. Up and down stay in the column; left and right keep the
 * visual row where the next column has one and otherwise take its nearest cell, skipping
 * columns without cells; at the edge the focus stays put.
 */
export function moveCell(grid: Grid, from: Cell, direction: Direction): Cell {
  const count = grid.counts[from.column]!;
  if (direction === 'up') return { column: from.column, slot: Math.max(0, from.slot - 1) };
  if (direction === 'down') return { column: from.column, slot: Math.min(count - 1, from.slot + 1) };
  const columns = grid.counts.map((_, i) => i).filter((i) => grid.counts[i]! > 0);
  const target =
    direction === 'first' ? columns[0]
    : direction === 'last' ? columns.at(-1)
    : direction === 'left' ? columns.filter((i) => i < from.column).at(-1)
    : columns.find((i) => i > from.column);
  if (target === undefined) return from;
  const slot = rowOf(grid, from) - (boardHeight(grid) - grid.counts[target]!);
  return { column: target, slot: Math.min(grid.counts[target]! - 1, Math.max(0, slot)) };
}

/**
 * A click, tap, Enter or drop on a cell. Holding nothing, a placed statement is picked up.
 * Holding one, an empty cell takes it (from the tray or another column), a taken cell swaps
 * the two (an unplaced one sends the other back to the tray), its own cell puts it back.
 */
export function activate(board: Board, grid: Grid, cell: Cell): { board: Board; outcome: Outcome } {
  if (!isCell(grid, cell)) return { board, outcome: { kind: 'none' } };
  const { state, held } = board;
  const there = occupant(state, cell);
  if (held === null) return there === null ? { board, outcome: { kind: 'none' } } : { board: { state, held: there }, outcome: { kind: 'picked', id: there } };
  if (there === held) return { board: { state, held: null }, outcome: { kind: 'putBack', id: held } };
  if (there === null) {
    const next = place(state, grid, held, cell.column);
    return next ? { board: { state: next, held: null }, outcome: { kind: 'placed', id: held, column: cell.column } } : { board, outcome: { kind: 'none' } };
  }
  const from = placedColumn(state, held);
  return { board: { state: swap(state, held, there), held: null }, outcome: { kind: 'swapped', id: held, other: there, column: cell.column, otherColumn: from } };
}

/** Places the held statement in a column's next free cell (the phone's column buttons). */
export function placeInColumn(board: Board, grid: Grid, column: number): { board: Board; outcome: Outcome } {
  if (board.held === null || column < 0 || column >= grid.counts.length) return { board, outcome: { kind: 'none' } };
  if (placedColumn(board.state, board.held) === column) return { board: { ...board, held: null }, outcome: { kind: 'putBack', id: board.held } };
  if (freeIn(board.state, grid, column) <= 0) return { board, outcome: { kind: 'none' } };
  return activate(board, grid, { column, slot: board.state.columns[column]!.length });
}

/** Picks a statement up (from the tray or the grid), or lets go of it when it is already held. */
export function pick(board: Board, id: string): { board: Board; outcome: Outcome } {
  return board.held === id ? { board: { ...board, held: null }, outcome: { kind: 'putBack', id } } : { board: { ...board, held: id }, outcome: { kind: 'picked', id } };
}

/** Takes a statement out of the grid, back to the tray. */
export function returnToTray(board: Board, id: string): { board: Board; outcome: Outcome } {
  if (placedColumn(board.state, id) < 0) return { board, outcome: { kind: 'none' } };
  return { board: { state: unplace(board.state, id), held: board.held === id ? null : board.held }, outcome: { kind: 'returned', id } };
}
