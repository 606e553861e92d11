'use client';

import { Alert, BodyShort, Button, Heading, Select, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type DragEvent } from 'react';
import { gridColumns } from '@/lib/qsort/grid';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { piles, place, placedColumn, suggestedColumns, swap, unplace, unplaced, type SortState } from '@/lib/qsort/sort';
import { StatementCard } from './StatementCard';

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/**
 * The forced grid, filled by tapping (select a statement, then a column), by a select per
 * statement (keyboard and screen readers), or by drag and drop on a desktop. Tapping two
 * statements swaps them. Columns stack with the most agreed on top on a phone.
 */
export function GridBoard({ runtime, state, change, onSelect }: { runtime: QsortRuntime; state: SortState; change: (s: SortState) => void; onSelect?: (id: string | null) => void }) {
  const t = useTranslations('qsort');
  const [selected, choose] = useState<string | null>(null);
  const setSelected = (id: string | null) => {
    choose(id);
    onSelect?.(id);
  };
  const grid = runtime.grid;
  const columns = gridColumns(grid);
  const text = (id: string) => runtime.statements.find((s) => s.id === id)?.text ?? '';
  const free = (i: number) => grid.counts[i]! - state.columns[i]!.length;
  const waiting = unplaced(state, runtime.statements.map((s) => s.id));
  const ordered = [...piles, undefined].flatMap((p) => waiting.filter((id) => state.piles[id] === p));

  const putIn = (id: string, column: number) => {
    const next = place(state, grid, id, column);
    if (next) change(next);
    setSelected(null);
  };
  const tap = (id: string) => {
    if (selected === null) return setSelected(id);
    if (selected === id) return setSelected(null);
    if (placedColumn(state, id) >= 0 || placedColumn(state, selected) >= 0) change(swap(state, selected, id));
    setSelected(null);
  };
  const drop = (column: number) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/plain');
    if (id) putIn(id, column);
  };
  const optionsFor = (id: string) => {
    const suggested = suggestedColumns(grid, state.piles[id]);
    return [...suggested, ...columns.map((_, i) => i).filter((i) => !suggested.includes(i))].filter((i) => free(i) > 0);
  };

  return (
    <VStack gap="space-16">
      <p className="m-0 min-h-6 text-sm" aria-live="polite">{selected ? t('selected', { id: selected }) : t('swapHint')}</p>
      {ordered.length > 0 && (
        <section aria-labelledby="tray-heading">
          <Heading id="tray-heading" level="3" size="xsmall" spacing>{t('tray', { count: ordered.length })}</Heading>
          <ul className="m-0 grid max-h-96 list-none gap-2 overflow-y-auto p-0 sm:grid-cols-2">
            {ordered.map((id) => (
              <li key={id} draggable onDragStart={(e) => e.dataTransfer.setData('text/plain', id)}>
                <StatementCard id={id} text={text(id)} tone={selected === id ? 'selected' : (state.piles[id] ?? 'plain')} compact>
                  <div className="mt-2 flex flex-wrap items-end gap-2">
                    <Button size="xsmall" variant="secondary" aria-pressed={selected === id} onClick={() => tap(id)}>{t('select', { id })}</Button>
                    <Select size="small" label={t('placeIn', { id })} hideLabel value="" onChange={(e) => e.target.value !== '' && putIn(id, Number(e.target.value))}>
                      <option value="">{t('choose')}</option>
                      {optionsFor(id).map((i) => <option key={i} value={i}>{t('placeOption', { value: signed(columns[i]!.value), free: free(i) })}</option>)}
                    </Select>
                  </div>
                </StatementCard>
              </li>
            ))}
          </ul>
        </section>
      )}
      {ordered.length > 0 ? <Alert variant="info" size="small" inline>{t('gridIncomplete', { count: ordered.length })}</Alert> : <BodyShort size="small">{t('trayEmpty')}</BodyShort>}
      <div className="flex flex-col-reverse gap-2 sm:grid sm:gap-1" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }} data-testid="qsort-grid">
        {columns.map((c, i) => (
          <section key={c.value} aria-label={t('column', { value: signed(c.value) })} className="flex flex-col gap-1 rounded-lg bg-ax-bg-neutral-soft p-1.5"
            onDragOver={(e) => e.preventDefault()} onDrop={drop(i)} data-testid={`column-${c.value}`}>
            <Button size="xsmall" variant={selected && free(i) > 0 ? 'primary' : 'tertiary'} disabled={!selected || free(i) === 0} onClick={() => selected && putIn(selected, i)}>
              {/* Named by what is seen (WCAG 2.5.3, label in name), the action read first: "Plasser her: +1 0 av 3" in the column's section. */}
              <span className="sr-only">{`${t('placeHere')}: `}</span>
              <span className="text-base font-bold">{signed(c.value)}</span>
              <span className="ml-1 text-xs font-normal">{t('cellsOf', { placed: state.columns[i]!.length, count: c.count })}</span>
            </Button>
            {i === 0 && <span className="text-center text-xs">{t('mostDisagree')}</span>}
            {i === columns.length - 1 && <span className="text-center text-xs">{t('mostAgree')}</span>}
            <ul className="m-0 flex list-none flex-col gap-1 p-0">
              {state.columns[i]!.map((id) => (
                <li key={id} draggable onDragStart={(e) => e.dataTransfer.setData('text/plain', id)}>
                  <button type="button" onClick={() => tap(id)} aria-pressed={selected === id} title={text(id)} data-testid="placed"
                    className={`w-full rounded border border-solid p-1 text-left text-xs ${selected === id ? 'border-ax-border-accent-strong bg-ax-bg-accent-soft ring-2 ring-ax-border-accent-strong' : 'border-ax-border-neutral-subtle bg-ax-bg-raised'}`}>
                    <span className="font-semibold">{id}</span> <span className="line-clamp-3 sm:line-clamp-2">{text(id)}</span>
                  </button>
                  {selected === id && <Button size="xsmall" variant="tertiary" className="w-full" onClick={() => { change(unplace(state, id)); setSelected(null); }}>{t('remove')}</Button>}
                </li>
              ))}
              {Array.from({ length: free(i) }, (_, k) => <li key={`free-${k}`} aria-hidden className="h-8 rounded border border-dashed border-ax-border-neutral-subtle" />)}
            </ul>
          </section>
        ))}
      </div>
    </VStack>
  );
}
