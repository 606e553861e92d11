import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activate, boardHeight, cellOf, isCell, moveCell, pick, placeInColumn, returnToTray, rowOf, suggestedCell, trayOrder, type Board, type Cell, type Direction } from './board';
import { gridCells, gridDistribution, seedGrid, type Grid } from './grid';
import { emptySort, isComplete, place, scoresOf, sortProblem, type SortState } from './sort';

const small: Grid = { min: -1, counts: [1, 2, 1] };
const idsFor = (grid: Grid) => Array.from({ length: gridCells(grid) }, (_, i) => String(i + 1));
const board = (state: SortState, held: string | null = null): Board => ({ state, held });

describe('the Q-sort board', () => {
  it('bottom-aligns columns: a short column’s cells sit in the lowest rows', () => {
    expect(boardHeight(seedGrid)).toBe(6);
    expect(rowOf(seedGrid, { column: 0, slot: 0 })).toBe(5);
    expect(rowOf(seedGrid, { column: 5, slot: 0 })).toBe(0);
    expect(rowOf(seedGrid, { column: 4, slot: 4 })).toBe(5);
  });

  it('moves with arrow keys over a pyramid of uneven columns, keeping the visual row where it can', () => {
    // From the top of the middle column (row 0), right lands on the top of the next (row 1).
    expect(moveCell(seedGrid, { column: 5, slot: 0 }, 'right')).toEqual({ column: 6, slot: 0 });
    // From the bottom row, right keeps the bottom row.
    expect(moveCell(seedGrid, { column: 5, slot: 5 }, 'right')).toEqual({ column: 6, slot: 4 });
    expect(moveCell(seedGrid, { column: 9, slot: 1 }, 'right')).toEqual({ column: 10, slot: 0 });
    expect(moveCell(seedGrid, { column: 0, slot: 0 }, 'right')).toEqual({ column: 1, slot: 1 });
    expect(moveCell(seedGrid, { column: 0, slot: 0 }, 'left')).toEqual({ column: 0, slot: 0 });
    expect(moveCell(seedGrid, { column: 10, slot: 0 }, 'right')).toEqual({ column: 10, slot: 0 });
    expect(moveCell(seedGrid, { column: 5, slot: 0 }, 'up')).toEqual({ column: 5, slot: 0 });
    expect(moveCell(seedGrid, { column: 5, slot: 5 }, 'down')).toEqual({ column: 5, slot: 5 });
    expect(moveCell(seedGrid, { column: 5, slot: 2 }, 'down')).toEqual({ column: 5, slot: 3 });
    expect(moveCell(seedGrid, { column: 5, slot: 5 }, 'first')).toEqual({ column: 0, slot: 0 });
    expect(moveCell(seedGrid, { column: 3, slot: 0 }, 'last')).toEqual({ column: 10, slot: 0 });
    // Columns without cells are skipped.
    const gap: Grid = { min: -2, counts: [1, 0, 3, 0, 1] };
    expect(moveCell(gap, { column: 0, slot: 0 }, 'right')).toEqual({ column: 2, slot: 2 });
    expect(moveCell(gap, { column: 2, slot: 0 }, 'right')).toEqual({ column: 4, slot: 0 });
  });

  it('places what is held in an empty cell, picks up a placed statement, swaps, and puts back', () => {
    let b = board(emptySort(small));
    expect(activate(b, small, { column: 0, slot: 0 }).outcome).toEqual({ kind: 'none' });
    ({ board: b } = pick(b, '1'));
    let r = activate(b, small, { column: 1, slot: 0 });
    expect(r.outcome).toEqual({ kind: 'placed', id: '1', column: 1 });
    expect(r.board.held).toBeNull();
    b = r.board;
    ({ board: b } = pick(b, '2'));
    ({ board: b } = activate(b, small, { column: 2, slot: 0 }));
    // Holding nothing, a placed statement is picked up; its own cell puts it back.
    r = activate(b, small, { column: 1, slot: 0 });
    expect(r.outcome).toEqual({ kind: 'picked', id: '1' });
    expect(activate(r.board, small, { column: 1, slot: 0 }).outcome).toEqual({ kind: 'putBack', id: '1' });
    // Held and dropped on another statement: the two swap.
    r = activate(r.board, small, { column: 2, slot: 0 });
    expect(r.outcome).toEqual({ kind: 'swapped', id: '1', other: '2', column: 2, otherColumn: 1 });
    expect(r.board.state.columns).toEqual([[], ['2'], ['1']]);
    // An unplaced statement dropped on a placed one sends that one back to the tray.
    r = activate(pick(r.board, '3').board, small, { column: 2, slot: 0 });
    expect(r.board.state.columns).toEqual([[], ['2'], ['3']]);
    expect(trayOrder(r.board.state, idsFor(small))).toEqual(['1', '4']);
    // The phone's column buttons: the next free cell, never a full column.
    expect(placeInColumn(pick(r.board, '1').board, small, 2).outcome).toEqual({ kind: 'none' });
    const phone = placeInColumn(pick(r.board, '1').board, small, 0);
    expect(phone.board.state.columns).toEqual([['1'], ['2'], ['3']]);
    expect(returnToTray(phone.board, '2').board.state.columns).toEqual([['1'], [], ['3']]);
    expect(returnToTray(phone.board, '4').outcome).toEqual({ kind: 'none' });
  });

  it('suggests a free cell on the pile’s side, else nearest the middle', () => {
    const s = emptySort(seedGrid);
    expect(suggestedCell(s, seedGrid, 'agree')).toEqual({ column: 10, slot: 0 });
    expect(suggestedCell(s, seedGrid, 'disagree')).toEqual({ column: 0, slot: 0 });
    expect(suggestedCell(s, seedGrid, 'neutral')).toEqual({ column: 3, slot: 0 });
    let t = s;
    for (const [i, c] of [10, 9, 9, 8, 8, 8, 7, 7, 7, 7, 6, 6, 6, 6, 6].entries()) t = place(t, seedGrid, `a${i}`, c)!;
    expect(suggestedCell(t, seedGrid, 'agree')).toEqual({ column: 5, slot: 0 });
  });

  it('orders the tray by pile: agreed first, then neutral, disagreed and unsorted', () => {
    const s: SortState = { ...emptySort(small), piles: { '1': 'disagree', '2': 'agree', '4': 'neutral' } };
    expect(trayOrder(s, ['1', '2', '3', '4'])).toEqual(['2', '4', '1', '3']);
  });
});

const gridArb = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 9 })
  .map((counts) => ({ min: -Math.floor(counts.length / 2), counts: counts.map((c, i) => (i === 0 || i === counts.length - 1 ? Math.max(1, c) : c)) }));

type Op = { type: 'activate'; column: number; slot: number } | { type: 'pick'; n: number } | { type: 'column'; column: number } | { type: 'return'; n: number } | { type: 'move'; direction: Direction };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('activate' as const), column: fc.integer({ min: 0, max: 9 }), slot: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ type: fc.constant('pick' as const), n: fc.nat() }),
  fc.record({ type: fc.constant('column' as const), column: fc.integer({ min: -1, max: 9 }) }),
  fc.record({ type: fc.constant('return' as const), n: fc.nat() }),
  fc.record({ type: fc.constantFrom('move' as const), direction: fc.constantFrom<Direction>('left', 'right', 'up', 'down', 'first', 'last') }),
);

describe('any sequence of board operations', () => {
  it('keeps the sort a valid forced distribution that never loses or duplicates a statement', () => {
    fc.assert(
      fc.property(gridArb, fc.array(opArb, { maxLength: 120 }), (grid, ops) => {
        const ids = idsFor(grid);
        let b = board(emptySort(grid));
        let focus: Cell = { column: 0, slot: 0 };
        for (const op of ops) {
          if (op.type === 'activate') b = activate(b, grid, { column: op.column, slot: op.slot }).board;
          else if (op.type === 'pick') b = pick(b, ids[op.n % ids.length]!).board;
          else if (op.type === 'column') b = placeInColumn(b, grid, op.column).board;
          else if (op.type === 'return') b = returnToTray(b, ids[op.n % ids.length]!).board;
          else {
            focus = moveCell(grid, focus, op.direction);
            expect(isCell(grid, focus)).toBe(true);
            b = activate(b, grid, focus).board;
          }
          expect(sortProblem(b.state, grid, ids)).toBeNull();
          const placed = b.state.columns.flat();
          expect(new Set(placed).size).toBe(placed.length);
          expect([...placed, ...trayOrder(b.state, ids)].sort()).toEqual([...ids].sort());
          b.state.columns.forEach((c, i) => expect(c.length).toBeLessThanOrEqual(grid.counts[i]!));
          if (b.held !== null) expect(ids).toContain(b.held);
        }
        if (isComplete(b.state, grid)) expect(Object.values(scoresOf(b.state, grid)).sort((x, y) => x - y)).toEqual(gridDistribution(grid));
      }),
      { numRuns: 300 },
    );
  });

  it('arrow keys always land on a cell and can reach every cell', () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const seen = new Set<string>();
        // Walk: every column by right, every slot by down, from the first cell.
        let at = moveCell(grid, { column: grid.counts.findIndex((c) => c > 0), slot: 0 }, 'first');
        for (let step = 0; step < grid.counts.length; step++) {
          let cell: Cell = { column: at.column, slot: 0 };
          for (let k = 0; k < grid.counts[at.column]!; k++) {
            expect(isCell(grid, cell)).toBe(true);
            seen.add(`${cell.column}:${cell.slot}`);
            cell = moveCell(grid, cell, 'down');
          }
          at = moveCell(grid, at, 'right');
        }
        expect(seen.size).toBe(gridCells(grid));
      }),
    );
  });

  it('finds where a statement is', () => {
    const s = place(emptySort(small), small, '3', 1)!;
    expect(cellOf(s, '3')).toEqual({ column: 1, slot: 0 });
    expect(cellOf(s, '4')).toBeNull();
  });
});
