import { describe, expect, it } from 'vitest';
import { seedGrid } from './grid';
import { paperSortProblems, paperSortState, parseColumn } from './paper-sort';
import { isComplete, sortProblem } from './sort';

const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
/** The seed grid filled in statement order, lowest column first. */
const filled = () => {
  let next = 0;
  return seedGrid.counts.map((count) => ids.slice(next, (next += count)));
};

describe('a paper sort typed in', () => {
  it('that fits the grid is a complete, submitted sort of the set', () => {
    expect(paperSortProblems(filled(), seedGrid, ids)).toBeNull();
    const state = paperSortState(filled(), seedGrid, 'Papir 1');
    expect(state).toMatchObject({ step: 'done', pseudonym: 'Papir 1' });
    expect(isComplete(state, seedGrid)).toBe(true);
    expect(sortProblem(state, seedGrid, ids)).toBeNull();
  });

  it('names the column that is wrong, and why', () => {
    const short = filled();
    short[3] = short[3]!.slice(1);
    expect(paperSortProblems(short, seedGrid, ids)).toEqual({ 'column.3': 'COUNT' });
    const unknown = filled();
    unknown[0] = ['99'];
    expect(paperSortProblems(unknown, seedGrid, ids)).toEqual({ 'column.0': 'UNKNOWN' });
    const twice = filled();
    twice[10] = [twice[0]![0]!];
    expect(paperSortProblems(twice, seedGrid, ids)).toEqual({ 'column.10': 'DUPLICATE' });
    expect(paperSortProblems(filled().slice(0, 10), seedGrid, ids)).toEqual({ 'column.10': 'COUNT', columns: 'COUNT' });
  });

  it('reads a column as typed, with commas, spaces or semicolons', () => {
    expect(parseColumn(' 12, 30 7;8 ')).toEqual(['12', '30', '7', '8']);
    expect(parseColumn('')).toEqual([]);
  });
});
