'use client';

import { useEffect } from 'react';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import type { SortState } from '@/lib/qsort/sort';
import { PyramidBoard } from './PyramidBoard';
import { StepPlacement } from './StepPlacement';
import { useBoard } from './use-board';
import { useMediaQuery } from './use-media-query';

/**
 * The grid step: the classic pyramid where there is room for it (1024 px and wider), one
 * statement at a time below that. Both run the same board rules and announce each change.
 * `onSelect` hears which statement is held, so a call for help can name it.
 */
export function GridBoard({ runtime, state, change, onSelect }: { runtime: QsortRuntime; state: SortState; change: (s: SortState) => void; onSelect?: (id: string | null) => void }) {
  const wide = useMediaQuery('(min-width: 1024px)');
  const hands = useBoard(runtime, state, change);
  useEffect(() => onSelect?.(hands.held), [hands.held, onSelect]);
  return wide ? <PyramidBoard runtime={runtime} state={state} hands={hands} /> : <StepPlacement runtime={runtime} state={state} hands={hands} />;
}
