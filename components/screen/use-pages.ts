'use client';

import { useEffect, useState } from 'react';
import { pageOf, pageStepOf, type Page } from './pages';
import { useScreenTurns } from './screen-turns';

/** How long one page of a long list stays up before the next. */
export const PAGE_MS = 12_000;

/** A page on the big screen, and whether someone has taken over its turning. */
export type ScreenPage<T> = Page<T> & { held: boolean };

/**
 * Splits a long list (comments, notes, free-text answers, the summary's activities) into pages
 * and turns them on its own, so the room sees every item without the screen ever scrolling.
 * Once the facilitator steps them from the console (or whoever stands at the projector, with a
 * presentation clicker or the arrow keys), the list stops turning by itself: the page the room
 * is talking about stays up until they step again.
 */
export function usePages<T>(items: readonly T[], perPage: number): ScreenPage<T> {
  const [index, setIndex] = useState(0);
  const [held, setHeld] = useState(false);
  const total = pageOf(items, perPage, 0).total;
  const step = (by: number) => {
    setHeld(true);
    setIndex((i) => i + by);
  };
  useScreenTurns(step);
  useEffect(() => {
    if (total <= 1 || held) return;
    const id = setInterval(() => setIndex((i) => i + 1), PAGE_MS);
    return () => clearInterval(id);
  }, [total, index, held]);
  useEffect(() => {
    if (total <= 1) return;
    const onKey = (event: KeyboardEvent) => {
      const by = pageStepOf(event.key);
      if (by === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      setHeld(true);
      setIndex((i) => i + by);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total]);
  return { ...pageOf(items, perPage, index), held };
}
