import { describe, expect, it } from 'vitest';
import { analyze } from '../qmethod/analyze';
import { factorArray } from '../qmethod/steps/scores';
import { seededRandom } from '../seeded-random';
import { analysisInput, runAnalysis } from './analysis';
import { placeInColumn } from './board';
import { boardGrid, gridCells, gridDistribution, isForced, seedGrid, type Grid } from './grid';
import { paperSortProblems } from './paper-sort';
import type { QsortRuntime } from './runtime';
import { emptySort, isComplete, place, sortProblem, type SortState } from './sort';

const free: Grid = { ...seedGrid, forced: false };
const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
const runtime = (grid: Grid): QsortRuntime => ({ setId: '00000000-0000-4000-8000-000000000009', setName: 'Studie', grid, instructions: {}, statements: ids.map((id) => ({ id, text: `Utsagn ${id}` })), open: true, display: null, factorNames: [], merged: [] });

/** Places every statement through the board, as a participant's taps do, each into `columnOf(id)`. */
function sortOnBoard(grid: Grid, columnOf: (id: string, i: number) => number): SortState {
  let state = emptySort(grid);
  ids.forEach((id, i) => {
    const board = boardGrid(grid, state.columns);
    const next = placeInColumn({ state, held: id }, board, columnOf(id, i));
    if (next.board.state === state) throw new Error(`statement ${id} could not be placed`);
    state = next.board.state;
  });
  return state;
}

describe('an unforced distribution', () => {
  it('is forced unless said otherwise', () => {
    expect(isForced(seedGrid)).toBe(true);
    expect(isForced({ ...seedGrid, forced: true })).toBe(true);
    expect(isForced(free)).toBe(false);
    expect(boardGrid(seedGrid, emptySort(seedGrid).columns)).toBe(seedGrid);
  });

  it('lets any column take more statements while some wait, and shows the suggested cells at least', () => {
    // Every statement into the +3 column and the −3 column, far past their 3 cells each.
    const state = sortOnBoard(free, (_, i) => (i % 2 === 0 ? 8 : 2));
    expect(state.columns[8]).toHaveLength(18);
    expect(state.columns[2]).toHaveLength(18);
    expect(isComplete(state, free)).toBe(true);
    expect(sortProblem(state, free, ids)).toBeNull();
    const shown = boardGrid(free, state.columns);
    expect(shown.counts).toEqual(seedGrid.counts.map((c, i) => Math.max(c, state.columns[i]!.length)));
    // The same sort is no sort of the forced grid.
    expect(sortProblem(state, seedGrid, ids)).toBe('BAD_SORT');
    expect(isComplete(state, seedGrid)).toBe(false);
  });

  it('is complete only when every statement is placed, and never takes one twice', () => {
    let state = emptySort(free);
    for (const id of ids.slice(0, 35)) state = place(state, boardGrid(free, state.columns), id, 5)!;
    expect(isComplete(state, free)).toBe(false);
    // With every statement but one placed, a full column still has room for the last.
    expect(boardGrid(free, state.columns).counts[5]).toBe(36);
    state = place(state, boardGrid(free, state.columns), '36', 5)!;
    expect(isComplete(state, free)).toBe(true);
    expect(boardGrid(free, state.columns).counts[5]).toBe(36);
    expect(boardGrid(free, state.columns).counts.reduce((a, b) => a + b, 0)).toBe(36 + gridCells(seedGrid) - 6);
  });

  it('takes a paper sort with any column sizes, but every statement once', () => {
    const lopsided = seedGrid.counts.map(() => [] as string[]);
    ids.forEach((id, i) => lopsided[i % 3 === 0 ? 0 : 10]!.push(id));
    expect(paperSortProblems(lopsided, free, ids)).toBeNull();
    expect(paperSortProblems(lopsided, seedGrid, ids)).toMatchObject({ 'column.0': 'COUNT' });
    const short = lopsided.map((c, i) => (i === 0 ? c.slice(1) : c));
    expect(paperSortProblems(short, free, ids)).toEqual({ columns: 'COUNT' });
    const twice = lopsided.map((c, i) => (i === 10 ? [...c, '1'] : c));
    expect(paperSortProblems(twice, free, ids)).toMatchObject({ 'column.10': 'DUPLICATE' });
  });

  it('is analysed with the grid as the distribution the arrays are read off', () => {
    // Sorts that spread their statements freely: mostly near the middle, none shaped like the grid.
    const random = seededRandom(11);
    const sorts = [0, 1, 2, 3, 4, 5].map((k) => ({ id: `s${k}`, name: `S${k}`, state: { ...sortOnBoard(free, () => Math.min(10, Math.floor(random() * 6) + Math.floor(random() * 6))), step: 'done' as const } }));
    const input = analysisInput(runtime(free), sorts);
    expect(input.distribution).toEqual(gridDistribution(seedGrid));
    const r = runAnalysis(runtime(free), sorts, { factors: 2, extraction: 'pca', rotation: 'varimax' });
    if (!r.ok) throw new Error(r.error.message);
    // Each array is read off the grid's shape, however the sorts spread theirs.
    for (let f = 0; f < 2; f++) {
      const z = r.value.zscores.map((row) => row[f]!);
      expect(r.value.factorArrays.map((row) => row[f])).toEqual(factorArray(z, gridDistribution(seedGrid)));
    }
    // Read as forced (each sort's own values as the distribution), the sorts are refused: they differ.
    expect(analyze({ statements: input.statements, sorts: input.sorts, scores: input.scores }, { factors: 2, extraction: 'pca', rotation: 'varimax' })).toMatchObject({ ok: false, error: { code: 'DISTRIBUTION_MISMATCH' } });
  });
});
