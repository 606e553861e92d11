'use client';

import { useEffect, useState } from 'react';

/** How long one page of a long list stays up before the next. */
export const PAGE_MS = 12_000;

/**
 * Splits a long list (comments, notes, free-text answers) into pages of `perPage` and steps
 * through them on its own, so the room sees every item without the screen ever scrolling.
 * Returns the items of the page on show and the label's numbers.
 */
export function usePages<T>(items: readonly T[], perPage: number): { items: readonly T[]; current: number; total: number } {
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (total <= 1) return;
    const id = setInterval(() => setIndex((i) => (i + 1) % total), PAGE_MS);
    return () => clearInterval(id);
  }, [total]);
  const current = index % total;
  return { items: items.slice(current * perPage, (current + 1) * perPage), current: current + 1, total };
}
