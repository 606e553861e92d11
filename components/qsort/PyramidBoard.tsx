'use client';

import { BodyLong, BodyShort, Detail, Heading, Tag } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { suggestedCell, trayOrder } from '@/lib/qsort/board';
import { boardGrid, isForced } from '@/lib/qsort/grid';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import type { SortState } from '@/lib/qsort/sort';
import { PyramidGrid, type PyramidGridHandle } from './PyramidGrid';
import { Tray } from './Tray';
import type { BoardHands } from './use-board';

/**
 * The grid on a laptop: a reading pane that stays in view with the full text of the statement
 * under the pointer or focus (else the one held), the statements still to place, and the
 * pyramid. From the tray, Enter takes the focus to a free cell the statement's pile suggests;
 * placing it there brings the focus back to the tray for the next one.
 */
export function PyramidBoard({ runtime, state, hands }: { runtime: QsortRuntime; state: SortState; hands: BoardHands }) {
  const t = useTranslations('qsort');
  const [peek, setPeek] = useState<string | null>(null);
  const [fromTray, setFromTray] = useState(false);
  const [trayFocus, setTrayFocus] = useState(0);
  const grid = useRef<PyramidGridHandle>(null);
  const ids = runtime.statements.map((s) => s.id);
  const waiting = trayOrder(state, ids);
  const reading = peek ?? hands.held;
  const placed = ids.length - waiting.length;
  // The cells as the board shows them now: an unforced grid grows a column that is full.
  const cells = boardGrid(runtime.grid, state.columns);

  const onPicked = (id: string) => {
    const cell = suggestedCell(state, cells, state.piles[id]);
    if (!cell) return;
    setFromTray(true);
    grid.current?.focusCell(cell);
  };
  const onPlacedFromTray = () => {
    setFromTray(false);
    if (waiting.length > 1) setTrayFocus((n) => n + 1);
  };

  return (
    <div data-qsort-board className="space-y-5">
      <section aria-labelledby="qsort-reading-heading" className="sticky top-0 z-30 grid gap-4 rounded-lg border border-solid border-ax-border-neutral-subtle bg-ax-bg-raised p-4 shadow-md lg:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
        <div className="min-h-[6.5rem]" data-testid="reading-pane">
          <Heading id="qsort-reading-heading" level="3" size="xsmall" className="mb-1 flex items-center gap-2">
            {reading ? t('statementN', { id: reading }) : t('readingPane')}
            {reading && state.piles[reading] && <Tag size="xsmall" variant={state.piles[reading] === 'agree' ? 'success' : state.piles[reading] === 'disagree' ? 'error' : 'neutral'}>{t(`pileShort.${state.piles[reading]}`)}</Tag>}
          </Heading>
          <BodyLong size="large" className={reading ? '' : 'text-ax-text-neutral-subtle'}>{reading ? hands.text(reading) : t('readingEmpty')}</BodyLong>
        </div>
        <div className="space-y-2 border-0 border-solid border-ax-border-neutral-subtle lg:border-l lg:pl-4">
          <BodyShort weight="semibold" data-testid="placed-count">{t('placedCount', { placed, total: ids.length })}</BodyShort>
          <BodyShort size="small" role="status" aria-live="polite" data-testid="qsort-announcement" className="min-h-12">{hands.message}</BodyShort>
          <Detail className="text-ax-text-neutral-subtle">{hands.held ? t('heldHint') : t('boardHint')}</Detail>
          {!isForced(runtime.grid) && <Detail data-testid="unforced-hint">{t('unforcedHint')}</Detail>}
        </div>
      </section>
      {waiting.length > 0 ? (
        <Tray ids={waiting} state={state} hands={hands} onPicked={onPicked} onPeek={setPeek} focusToken={trayFocus} />
      ) : (
        <BodyShort className="text-ax-text-neutral-subtle">{t('trayEmpty')}</BodyShort>
      )}
      <PyramidGrid ref={grid} grid={cells} state={state} hands={hands} onPeek={setPeek} fromTray={fromTray} onPlacedFromTray={onPlacedFromTray} />
    </div>
  );
}
