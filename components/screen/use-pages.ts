'use client';

import { useEffect, useState } from 'react';
import { pageOf, pageStepOf, type Page } from './pages';

/** How long one page of a long list stays up before the next. */
export const PAGE_MS = 12_000;

/**
 * Splits a long list (comments, notes, free-text answers, the summary's activities) into pages
 * and turns them on its own, so the room sees every item without the screen ever scrolling.
 * Whoever stands at the projector can step with a presentation clicker or the arrow keys; a
 * step restarts the page's time, so the room gets the whole 12 s with it.
 */
export function usePages<T>(items: readonly T[], perPage: number): Page<T> {
  const [index, setIndex] = useState(0);
  const total = pageOf(items, perPage, 0).total;
  useEffect(() => {
    if (total <= 1) return;
    const id = setInterval(() => setIndex((i) => i + 1), PAGE_MS);
    return () => clearInterval(id);
  }, [total, index]);
  useEffect(() => {
    if (total <= 1) return;
    const onKey = (event: KeyboardEvent) => {
      const step = pageStepOf(event.key);
      if (step === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      setIndex((i) => i + step);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total]);
  return pageOf(items, perPage, index);
}
