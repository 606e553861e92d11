'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { activate, freeIn, pick, placeInColumn, returnToTray, type Board, type Cell, type Outcome } from '@/lib/qsort/board';
import { boardGrid } from '@/lib/qsort/grid';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { isComplete, type SortState } from '@/lib/qsort/sort';

export const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');

/**
 * The participant's hands on the grid: what they hold, every action through the pure board
 * rules (lib/qsort/board.ts), each change saved through `change` (the sort draft), and a
 * sentence for the live region saying what just happened.
 */
export function useBoard(runtime: QsortRuntime, state: SortState, change: (s: SortState) => void) {
  const t = useTranslations('qsort');
  // The cells as the board shows them now: an unforced grid grows a column that is full.
  const grid = boardGrid(runtime.grid, state.columns);
  const [held, setHeld] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const value = (column: number) => signed(grid.min + column);

  const describe = (outcome: Outcome, after: SortState): string => {
    const done = isComplete(after, runtime.grid) ? ` ${t('announceComplete')}` : '';
    switch (outcome.kind) {
      case 'picked':
        return t('announcePicked', { id: outcome.id });
      case 'putBack':
        return t('announcePutBack', { id: outcome.id });
      case 'placed': {
        const count = grid.counts[outcome.column]!;
        return t('announcePlaced', { id: outcome.id, value: value(outcome.column), used: count - freeIn(after, grid, outcome.column), count }) + done;
      }
      case 'swapped':
        return (outcome.otherColumn < 0
          ? t('announceSwappedIn', { id: outcome.id, other: outcome.other, value: value(outcome.column) })
          : t('announceSwapped', { id: outcome.id, other: outcome.other, value: value(outcome.column), otherValue: value(outcome.otherColumn) })) + done;
      case 'returned':
        return t('announceReturned', { id: outcome.id });
      case 'none':
        return '';
    }
  };

  const run = ({ board, outcome }: { board: Board; outcome: Outcome }): Outcome => {
    if (board.state !== state) change(board.state);
    setHeld(board.held);
    const said = describe(outcome, board.state);
    if (said) setMessage(said);
    return outcome;
  };
  const now: Board = { state, held };

  return {
    held,
    message,
    /** A click, tap or Enter on a cell. */
    act: (cell: Cell) => run(activate(now, grid, cell)),
    /** A statement dragged from anywhere and dropped on a cell. */
    drop: (id: string, cell: Cell) => run(activate({ state, held: id }, grid, cell)),
    pick: (id: string) => run(pick(now, id)),
    /** Takes a statement to a column's next free cell (the phone's column buttons). */
    placeIn: (id: string, column: number) => run(placeInColumn({ state, held: id }, grid, column)),
    giveBack: (id: string) => run(returnToTray(now, id)),
    cancel: () => (held === null ? ({ kind: 'none' } as const) : run({ board: { state, held: null }, outcome: { kind: 'putBack', id: held } })),
    text: (id: string) => runtime.statements.find((s) => s.id === id)?.text ?? '',
    value,
  };
}

export type BoardHands = ReturnType<typeof useBoard>;
