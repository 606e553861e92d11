'use client';

import { BodyShort, Heading } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SortState } from '@/lib/qsort/sort';
import { BoardCard } from './BoardCard';
import type { BoardHands } from './use-board';

/**
 * The statements still to place, as one listbox: a single tab stop, arrow keys inside, Enter
 * or Space to pick one up (then `onPicked` takes the focus to the grid), Escape to let go.
 * A click picks up too; a card can also be dragged onto the grid.
 */
export function Tray({ ids, state, hands, onPicked, onPeek, focusToken }: {
  ids: string[];
  state: SortState;
  hands: BoardHands;
  onPicked: (id: string) => void;
  onPeek: (id: string | null) => void;
  /** Grows when the grid hands the focus back here after a keyboard placement. */
  focusToken: number;
}) {
  const t = useTranslations('qsort');
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLDivElement | null)[]>([]);
  const at = Math.min(active, ids.length - 1);

  useEffect(() => {
    if (focusToken > 0) items.current[Math.min(active, ids.length - 1)]?.focus();
    // Only a new token moves the focus; the list changing under it must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken]);

  const go = (index: number) => {
    const next = Math.max(0, Math.min(ids.length - 1, index));
    setActive(next);
    items.current[next]?.focus();
  };
  const onKey = (e: KeyboardEvent, index: number, id: string) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: ids.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      go(moves[e.key]!);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      take(id);
    } else if (e.key === ' ') {
      // Space acts on key up: moved to the grid on key down, its key up would click a cell there.
      e.preventDefault();
    } else if (e.key === 'Escape') {
      hands.cancel();
    }
  };

  const take = (id: string) => {
    if (hands.pick(id).kind === 'picked') onPicked(id);
  };

  return (
    <section aria-labelledby="qsort-tray-heading" className="space-y-2">
      <Heading id="qsort-tray-heading" level="3" size="xsmall">{t('tray', { count: ids.length })}</Heading>
      <BodyShort id="qsort-tray-help" size="small" className="text-ax-text-neutral-subtle">{t('trayHelp')}</BodyShort>
      <div role="listbox" aria-labelledby="qsort-tray-heading" aria-describedby="qsort-tray-help" data-testid="qsort-tray"
        className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-2">
        {ids.map((id, i) => (
          <div key={id} ref={(el) => { items.current[i] = el; }} role="option" aria-selected={hands.held === id} tabIndex={i === at ? 0 : -1}
            // The visible number and text come first, unbroken, so the name contains what is seen (WCAG 2.5.3).
            aria-label={`${t('statementN', { id })}. ${hands.text(id)}${state.piles[id] ? ` (${t(`pileShort.${state.piles[id]}`)})` : ''}`}
            draggable onDragStart={(e) => e.dataTransfer.setData('text/plain', id)}
            onClick={() => { setActive(i); hands.pick(id); }} onKeyDown={(e) => onKey(e, i, id)} onKeyUp={(e) => e.key === ' ' && take(id)}
            onFocus={() => { setActive(i); onPeek(id); }} onBlur={() => onPeek(null)} onMouseEnter={() => onPeek(id)} onMouseLeave={() => onPeek(null)}
            className="group relative h-[4.5rem] cursor-grab rounded-md outline-none focus-visible:ring-4 focus-visible:ring-ax-border-accent-strong">
            <BoardCard id={id} text={hands.text(id)} pile={state.piles[id]} held={hands.held === id} lines={3} />
          </div>
        ))}
      </div>
    </section>
  );
}
