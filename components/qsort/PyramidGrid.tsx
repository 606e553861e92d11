'use client';

import { useTranslations } from 'next-intl';
import { forwardRef, useImperativeHandle, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { keyDirections, moveCell, occupant, type Cell } from '@/lib/qsort/board';
import { gridColumns, type Grid } from '@/lib/qsort/grid';
import type { SortState } from '@/lib/qsort/sort';
import { BoardCard } from './BoardCard';
import type { BoardHands } from './use-board';

export interface PyramidGridHandle {
  /** Moves the roving focus to a cell and focuses it (after a pick-up from the tray). */
  focusCell: (cell: Cell) => void;
}

const key = (c: Cell) => `${c.column}:${c.slot}`;

/**
 * The forced distribution as the classic pyramid: columns bottom-aligned so the shape reads
 * as the distribution, the scale under them. One tab stop (a roving tabindex): arrow keys
 * move between cells, Enter or Space (a click) picks up and places, Escape lets go, Delete takes a
 * statement back to the tray. A click does what Enter does; cards can be dragged.
 */
export const PyramidGrid = forwardRef<PyramidGridHandle, {
  grid: Grid;
  state: SortState;
  hands: BoardHands;
  onPeek: (id: string | null) => void;
  /** After a keyboard placement of a statement that came from the tray. */
  onPlacedFromTray: () => void;
  fromTray: boolean;
}>(function PyramidGrid({ grid, state, hands, onPeek, onPlacedFromTray, fromTray }, ref) {
  const t = useTranslations('qsort');
  const [cursor, setCursor] = useState<Cell>({ column: Math.floor(grid.counts.length / 2), slot: 0 });
  const [target, setTarget] = useState<string | null>(null);
  const cells = useRef(new Map<string, HTMLButtonElement>());
  const columns = gridColumns(grid);

  const focusCell = (cell: Cell) => {
    setCursor(cell);
    const el = cells.current.get(key(cell));
    // Scrolled by hand so the cell's scroll margin keeps it out from under the sticky reading pane.
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  };
  useImperativeHandle(ref, () => ({ focusCell }));

  const onKey = (e: KeyboardEvent, cell: Cell) => {
    const direction = keyDirections[e.key];
    if (direction) {
      e.preventDefault();
      focusCell(moveCell(grid, cell, direction));
    } else if (e.key === 'Escape') {
      hands.cancel();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      const id = occupant(state, cell);
      if (id) hands.giveBack(id);
    }
  };
  // Enter and Space reach here as clicks (detail 0): one path for mouse, touch and keyboard.
  const activate = (cell: Cell, byKeyboard: boolean) => {
    setCursor(cell);
    const outcome = hands.act(cell);
    if (byKeyboard && fromTray && (outcome.kind === 'placed' || outcome.kind === 'swapped')) onPlacedFromTray();
  };
  const drop = (cell: Cell) => (e: DragEvent) => {
    e.preventDefault();
    setTarget(null);
    const id = e.dataTransfer.getData('text/plain');
    if (id) hands.drop(id, cell);
  };

  return (
    <div role="group" aria-label={t('gridLabel')} aria-describedby="qsort-grid-help" data-testid="qsort-grid" className="space-y-2">
      <p id="qsort-grid-help" className="sr-only">{t('gridHelp')}</p>
      <div className="grid items-end gap-1.5" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
        {columns.map((c, column) => (
          <div key={c.value} role="group" aria-label={t('columnLabel', { value: hands.value(column), used: state.columns[column]!.length, count: c.count })}
            data-testid={`column-${c.value}`} className="flex flex-col gap-1.5">
            {Array.from({ length: c.count }, (_, slot) => {
              const cell = { column, slot };
              const id = occupant(state, cell);
              const label = id
                ? t('cellTaken', { value: hands.value(column), n: slot + 1, count: c.count, id, text: hands.text(id) })
                : t('cellFree', { value: hands.value(column), n: slot + 1, count: c.count });
              const isTarget = target === key(cell);
              return (
                <button key={slot} type="button" ref={(el) => { if (el) cells.current.set(key(cell), el); else cells.current.delete(key(cell)); }}
                  tabIndex={cursor.column === column && cursor.slot === slot ? 0 : -1} aria-label={label} aria-pressed={id !== null && hands.held === id}
                  data-testid={id ? 'placed' : 'free-cell'} draggable={id !== null}
                  onDragStart={(e) => id && e.dataTransfer.setData('text/plain', id)}
                  onDragOver={(e) => e.preventDefault()} onDragEnter={() => setTarget(key(cell))} onDragLeave={() => setTarget((k) => (k === key(cell) ? null : k))} onDrop={drop(cell)}
                  onClick={(e) => activate(cell, e.detail === 0)} onKeyDown={(e) => onKey(e, cell)}
                  onFocus={() => { setCursor(cell); onPeek(id); }} onBlur={() => onPeek(null)} onMouseEnter={() => onPeek(id)} onMouseLeave={() => onPeek(null)}
                  className={`group relative h-24 w-full scroll-mt-56 scroll-mb-4 rounded-md border-0 bg-transparent p-0 outline-none focus-visible:ring-4 focus-visible:ring-ax-border-accent-strong ${id ? 'cursor-grab' : 'cursor-pointer'}`}>
                  {id ? (
                    <BoardCard id={id} text={hands.text(id)} pile={state.piles[id]} held={hands.held === id} />
                  ) : (
                    <span aria-hidden className={`absolute inset-0 grid place-items-center rounded-md border-2 border-dashed text-sm font-semibold motion-safe:transition-colors ${isTarget || hands.held ? 'border-ax-border-accent bg-ax-bg-accent-soft text-ax-text-accent-subtle' : 'border-ax-border-neutral-subtle bg-ax-bg-neutral-soft text-ax-text-neutral-subtle'} group-hover:border-ax-border-accent-strong`}>
                      {hands.value(column)}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
        ))}
        {columns.map((c, column) => (
          <div key={`head-${c.value}`} aria-hidden className="rounded-md bg-ax-bg-neutral-moderate py-1 text-center">
            <div className="text-xl font-bold leading-7">{hands.value(column)}</div>
            <div className="text-[0.8125rem] text-ax-text-neutral-subtle">{t('cellsOf', { placed: state.columns[column]!.length, count: c.count })}</div>
          </div>
        ))}
      </div>
      <div aria-hidden className="flex justify-between text-[0.9375rem] font-semibold text-ax-text-neutral-subtle">
        <span>← {t('mostDisagree')}</span>
        <span>{t('mostAgree')} →</span>
      </div>
    </div>
  );
});
