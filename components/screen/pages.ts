/** One page of a long list on the big screen, with the numbers its "Side 1 av 3" label shows. */
export interface Page<T> {
  items: readonly T[];
  /** 1-based. */
  current: number;
  total: number;
}

/** The page at `index` (any integer: it wraps both ways, so stepping back from the first shows the last). */
export function pageOf<T>(items: readonly T[], perPage: number, index: number): Page<T> {
  const size = Math.max(1, Math.floor(perPage));
  const total = Math.max(1, Math.ceil(items.length / size));
  const at = ((index % total) + total) % total;
  return { items: items.slice(at * size, (at + 1) * size), current: at + 1, total };
}

/** Which way a key steps the pages: presentation clickers send PageDown/PageUp, keyboards the arrows. */
export function pageStepOf(key: string): 1 | -1 | 0 {
  if (key === 'PageDown' || key === 'ArrowRight' || key === 'ArrowDown') return 1;
  if (key === 'PageUp' || key === 'ArrowLeft' || key === 'ArrowUp') return -1;
  return 0;
}
