import { describe, expect, it } from 'vitest';
import { gridCells, gridDistribution, gridProblem, gridSchema, seedGrid, suggestGrid } from './grid';

describe('Q-sort grids', () => {
  it('knows the seed study’s grid', () => {
    expect(gridCells(seedGrid)).toBe(36);
    expect(gridDistribution(seedGrid).slice(0, 4)).toEqual([-5, -4, -4, -3]);
    expect(gridProblem(seedGrid, 36)).toBeNull();
    expect(gridProblem(seedGrid, 35)).toBe('GRID_SIZE_MISMATCH');
  });

  it('suggests a symmetric grid that holds exactly n statements', () => {
    for (let n = 4; n <= 120; n++) {
      const grid = suggestGrid(n);
      expect(gridSchema.safeParse(grid).success).toBe(true);
      expect(gridCells(grid)).toBe(n);
      expect(grid.counts).toEqual([...grid.counts].reverse());
      expect(grid.min).toBe(-(grid.counts.length - 1) / 2);
      // Quasi-normal: never narrower towards the middle.
      const half = (grid.counts.length - 1) / 2;
      for (let i = 0; i < half; i++) expect(grid.counts[i]!).toBeLessThanOrEqual(grid.counts[i + 1]!);
    }
    expect(suggestGrid(39).counts).toEqual([1, 2, 3, 4, 6, 7, 6, 4, 3, 2, 1]);
    expect(suggestGrid(40).counts.length).toBe(11);
  });
});
