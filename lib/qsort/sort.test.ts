import { describe, expect, it } from 'vitest';
import { gridDistribution, seedGrid, type Grid } from './grid';
import { emptySort, extremes, isComplete, place, scoresOf, sortProblem, sortStateSchema, suggestedColumns, swap, unplace, unplaced } from './sort';

const small: Grid = { min: -1, counts: [1, 2, 1] };
const ids = ['1', '2', '3', '4'];

describe('a participant’s Q-sort', () => {
  it('places statements column by column, never past a column’s cells', () => {
    let s = emptySort(small);
    s = place(s, small, '1', 0)!;
    expect(place(s, small, '2', 0)).toBeNull();
    s = place(s, small, '2', 1)!;
    s = place(s, small, '3', 1)!;
    s = place(s, small, '1', 2)!; // moving frees its old cell
    expect(s.columns).toEqual([[], ['2', '3'], ['1']]);
    s = place(s, small, '4', 0)!;
    expect(isComplete(s, small)).toBe(true);
    expect(scoresOf(s, small)).toEqual({ '4': -1, '2': 0, '3': 0, '1': 1 });
    expect(extremes(s)).toEqual(['4', '1']);
    expect(unplaced(unplace(s, '2'), ids)).toEqual(['2']);
  });

  it('swaps two placed statements, or an unplaced one into a placed one’s cell', () => {
    let s = place(place(place(emptySort(small), small, '1', 0)!, small, '2', 1)!, small, '3', 2)!;
    s = swap(s, '1', '3');
    expect(s.columns).toEqual([['3'], ['2'], ['1']]);
    s = swap(s, '4', '2');
    expect(s.columns).toEqual([['3'], ['4'], ['1']]);
  });

  it('refuses saved states that do not fit the grid or the set', () => {
    const good = place(emptySort(small), small, '1', 0)!;
    expect(sortProblem(good, small, ids)).toBeNull();
    expect(sortProblem({ ...good, columns: [['1', '2'], [], []] }, small, ids)).toBe('BAD_SORT');
    expect(sortProblem({ ...good, columns: [['1'], ['1'], []] }, small, ids)).toBe('BAD_SORT');
    expect(sortProblem({ ...good, columns: [['9'], [], []] }, small, ids)).toBe('BAD_SORT');
    expect(sortProblem({ ...good, columns: [[], []] }, small, ids)).toBe('BAD_SORT');
    expect(sortStateSchema.safeParse({ ...good, pseudonym: 'x'.repeat(41) }).success).toBe(false);
  });

  it('a complete sort follows the forced distribution', () => {
    let s = emptySort(seedGrid);
    const all = Array.from({ length: 36 }, (_, i) => String(i + 1));
    for (const id of all) s = place(s, seedGrid, id, s.columns.findIndex((c, i) => c.length < seedGrid.counts[i]!))!;
    expect(isComplete(s, seedGrid)).toBe(true);
    expect(Object.values(scoresOf(s, seedGrid)).sort((a, b) => a - b)).toEqual(gridDistribution(seedGrid));
  });

  it('suggests the positive side for agree, the negative for disagree, the middle for neutral', () => {
    expect(suggestedColumns(seedGrid, 'agree')).toEqual([10, 9, 8, 7, 6]);
    expect(suggestedColumns(seedGrid, 'disagree')).toEqual([0, 1, 2, 3, 4]);
    expect(suggestedColumns(seedGrid, 'neutral')).toEqual([3, 4, 5, 6, 7]);
  });
});
