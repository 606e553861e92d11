import { seedGrid } from '@/lib/qsort/grid';
import { emptySort, place, type SortState } from '@/lib/qsort/sort';

/** A complete, submitted sort of the seed grid that fills it in the given statement order, lowest column first. */
export function sortIn(order: string[], pseudonym = ''): SortState {
  let s = emptySort(seedGrid);
  for (const id of order) s = place(s, seedGrid, id, s.columns.findIndex((c, i) => c.length < seedGrid.counts[i]!))!;
  return { ...s, step: 'done', pseudonym };
}
