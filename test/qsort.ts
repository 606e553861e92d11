import { seedGrid } from '@/lib/qsort/grid';
import { emptySort, place, type SortState } from '@/lib/qsort/sort';

/** A complete, submitted sort of the seed grid that fills it in the given statement order, lowest column first. */
export function sortIn(order: string[], pseudonym = ''): SortState {
  let s = emptySort(seedGrid);
  for (const id of order) s = place(s, seedGrid, id, s.columns.findIndex((c, i) => c.length < seedGrid.counts[i]!))!;
  return { ...s, step: 'done', pseudonym };
}

/**
 * `count` finished sorts of the seed grid's 36 statements from three viewpoints, each shuffled
 * a little by a fixed seed: every run analyses the same study, with factors to find.
 */
export function qStudy(count: number): { id: string; name: string; state: SortState }[] {
  const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const views = [ids, [...ids].reverse(), [...ids.filter((_, i) => i % 2 === 0), ...ids.filter((_, i) => i % 2 === 1)]];
  return Array.from({ length: count }, (_, j) => {
    const order = [...views[j % views.length]!];
    for (let k = 0; k < 8; k++) {
      const a = Math.floor(random() * order.length);
      const b = Math.floor(random() * order.length);
      [order[a], order[b]] = [order[b]!, order[a]!];
    }
    return { id: `s${j}`, name: `Sortering ${j + 1}`, state: sortIn(order) };
  });
}
