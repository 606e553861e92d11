'use client';

import { BodyLong, BodyShort, Button, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { cellOf, freeIn, trayOrder } from '@/lib/qsort/board';
import { boardGrid, gridColumns, isForced } from '@/lib/qsort/grid';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { placedColumn, type SortState } from '@/lib/qsort/sort';
import type { BoardHands } from './use-board';

/**
 * The grid on a phone, one statement at a time: the statement in full on a big card, a large
 * button per column (with its free cells), and the grid's fill as a compact overview in which
 * a tap picks a placed statement up again (a second tap on another swaps the two). Nothing
 * scrolls inside the page and nothing is wider than the screen.
 */
export function StepPlacement({ runtime, state, hands }: { runtime: QsortRuntime; state: SortState; hands: BoardHands }) {
  const t = useTranslations('qsort');
  const grid = boardGrid(runtime.grid, state.columns);
  const columns = gridColumns(grid);
  const ids = runtime.statements.map((s) => s.id);
  const waiting = trayOrder(state, ids);
  const [index, setIndex] = useState(0);
  const card = useRef<HTMLElement>(null);
  // What the column buttons place: the statement held (picked up in the overview), else the next in the tray.
  const current = hands.held ?? waiting[Math.min(index, waiting.length - 1)] ?? null;
  const from = current ? placedColumn(state, current) : -1;
  const pile = current ? state.piles[current] : undefined;

  const toColumn = (column: number) => current && hands.placeIn(current, column);
  // Holding one, a tap on another swaps the two; otherwise a tap picks up (or lets go).
  const tapPlaced = (id: string) => {
    const there = cellOf(state, id);
    const outcome = hands.held && hands.held !== id && there ? hands.drop(hands.held, there) : hands.pick(id);
    if (outcome.kind === 'picked') card.current?.scrollIntoView({ block: 'start' });
  };

  return (
    <VStack gap="space-20" data-qsort-steps>
      <section ref={card} aria-labelledby="qsort-step-heading" className="scroll-mt-4 rounded-lg border-2 border-solid border-ax-border-accent bg-ax-bg-raised p-4">
        {current ? (
          <VStack gap="space-12">
            <HStack justify="space-between" align="center" gap="space-8">
              <Heading id="qsort-step-heading" level="3" size="small">{t('statementN', { id: current })}</Heading>
              {pile && <Tag size="small" variant={pile === 'agree' ? 'success' : pile === 'disagree' ? 'error' : 'neutral'}>{t(`pileShort.${pile}`)}</Tag>}
            </HStack>
            <BodyLong size="large" data-testid="step-statement">{hands.text(current)}</BodyLong>
            <BodyShort>{from >= 0 ? t('stepMove', { value: hands.value(from) }) : t('stepChoose')}</BodyShort>
            {!isForced(runtime.grid) && <BodyShort size="small" data-testid="unforced-hint">{t('unforcedHint')}</BodyShort>}
            <div className="flex justify-between text-base font-semibold text-ax-text-neutral-subtle" aria-hidden>
              <span>← {t('mostDisagree')}</span>
              <span>{t('mostAgree')} →</span>
            </div>
            <div role="group" aria-label={t('chooseColumn', { id: current })} className="grid grid-cols-4 gap-2 min-[480px]:grid-cols-6">
              {columns.map((c, column) => {
                const free = freeIn(state, grid, column);
                return (
                  <Button key={c.value} variant={column === from ? 'primary' : 'secondary'} disabled={free === 0 && column !== from} onClick={() => toColumn(column)}
                    data-testid={`place-${c.value}`} className="!min-h-14 !px-1">
                    {/* Named by what it shows, with the word a screen reader needs before it (WCAG 2.5.3). */}
                    <span className="sr-only">{t('columnWord')} </span>
                    <span className="block text-xl font-bold leading-6">{hands.value(column)}</span>{' '}
                    <span className="block text-base font-normal leading-5">{t('freeShort', { free })}</span>
                  </Button>
                );
              })}
            </div>
            <HStack gap="space-8" justify="space-between">
              {hands.held === null && waiting.length > 1 ? (
                <>
                  <Button variant="tertiary" size="small" onClick={() => setIndex((i) => (i + waiting.length - 1) % waiting.length)}>{t('previousStatement')}</Button>
                  <Button variant="tertiary" size="small" onClick={() => setIndex((i) => (i + 1) % waiting.length)}>{t('nextStatement')}</Button>
                </>
              ) : hands.held !== null ? (
                <>
                  <Button variant="tertiary" size="small" onClick={() => hands.cancel()}>{t('cancel')}</Button>
                  {from >= 0 && <Button variant="tertiary" size="small" onClick={() => hands.giveBack(current)}>{t('remove')}</Button>}
                </>
              ) : null}
            </HStack>
          </VStack>
        ) : (
          <VStack gap="space-8">
            <Heading id="qsort-step-heading" level="3" size="small">{t('trayEmpty')}</Heading>
            <BodyShort>{t('overviewHelp')}</BodyShort>
          </VStack>
        )}
      </section>
      <BodyShort role="status" aria-live="polite" data-testid="qsort-announcement" className="min-h-6 font-semibold">{hands.message}</BodyShort>
      <section aria-labelledby="qsort-overview-heading" data-testid="qsort-grid">
        <HStack justify="space-between" align="baseline" className="mb-2">
          <Heading id="qsort-overview-heading" level="3" size="xsmall">{t('overview')}</Heading>
          <BodyShort data-testid="placed-count">{t('placedCount', { placed: ids.length - waiting.length, total: ids.length })}</BodyShort>
        </HStack>
        <ul className="m-0 list-none space-y-1 p-0">
          {columns.map((c, column) => [c, column] as const).reverse().map(([c, column]) => (
            <li key={c.value} data-testid={`column-${c.value}`} aria-label={t('columnLabel', { value: hands.value(column), used: state.columns[column]!.length, count: c.count })}
              className="flex items-start gap-2 border-0 border-b border-solid border-ax-border-neutral-subtle py-1">
              <span className="w-10 shrink-0 pt-2.5 text-right text-base font-bold" aria-hidden>{hands.value(column)}</span>
              <span className="flex min-w-0 flex-wrap gap-1">
                {state.columns[column]!.map((id) => (
                  <button key={id} type="button" data-testid="placed" aria-pressed={hands.held === id} onClick={() => tapPlaced(id)}
                    aria-label={t('chipLabel', { id, value: hands.value(column) })}
                    className={`h-11 min-w-11 rounded-md border border-solid px-2 text-base font-semibold ${hands.held === id ? 'border-ax-border-accent-strong bg-ax-bg-accent-strong text-ax-text-accent-contrast' : 'border-ax-border-neutral bg-ax-bg-raised text-ax-text-neutral'}`}>
                    {id}
                  </button>
                ))}
                {Array.from({ length: freeIn(state, grid, column) }, (_, k) => <span key={k} aria-hidden className="h-11 w-11 rounded-md border-2 border-dashed border-ax-border-neutral-subtle" />)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </VStack>
  );
}
