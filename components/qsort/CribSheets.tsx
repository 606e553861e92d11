'use client';

import { PrinterSmallIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Heading, HGrid, Tabs, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { cribSheets, type CribSheet } from '@/lib/qmethod/crib-sheet';
import type { QResult } from '@/lib/qmethod/types';
import type { FactorName } from '@/lib/qsort/runtime';

const LISTS = ['top', 'higher', 'lower', 'bottom', 'distinguishing05', 'distinguishing01'] as const;

/**
 * A crib sheet per factor (Watts & Stenner): the statements to read first when interpreting it,
 * with their place in every factor's array. Each prints as an interpretation sheet of its own.
 */
export function CribSheets({ result, texts, names }: { result: QResult; texts: Record<string, string>; names: FactorName[] }) {
  const t = useTranslations('qsort.console.crib');
  const sheets = cribSheets(result);
  const first = sheets.find((s) => s !== null);
  const [tab, setTab] = useState(String(first?.factor ?? 1));
  if (!first) return null;
  const signed = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v > 0 ? `+${v}` : String(v));
  const print = (factor: number) => {
    setTab(String(factor));
    // The print stylesheet shows only the sheet marked for printing.
    requestAnimationFrame(() => window.print());
  };
  return (
    <section className="space-y-2" data-testid="crib-sheets">
      <Heading level="3" size="xsmall">{t('heading')}</Heading>
      <BodyShort size="small">{t('help')}</BodyShort>
      <Tabs value={tab} onChange={setTab} size="small">
        <Tabs.List>
          {sheets.map((sheet) => sheet && <Tabs.Tab key={sheet.factor} value={String(sheet.factor)} label={names[sheet.factor - 1]?.name || t('factor', { n: result.factorLabels[sheet.factor - 1]! })} />)}
        </Tabs.List>
        {sheets.map((sheet) => sheet && (
          <Tabs.Panel key={sheet.factor} value={String(sheet.factor)} className="pt-4">
            <div className={tab === String(sheet.factor) ? 'print-sheet' : undefined} data-testid={`crib-sheet-${sheet.factor}`}>
              <VStack gap="space-16">
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <Heading level="4" size="small">{t('sheetTitle', { n: result.factorLabels[sheet.factor - 1]! })}{names[sheet.factor - 1]?.name ? `: ${names[sheet.factor - 1]!.name}` : ''}</Heading>
                    {names[sheet.factor - 1]?.description && <BodyShort size="small">{names[sheet.factor - 1]!.description}</BodyShort>}
                  </div>
                  <Button size="small" variant="secondary" className="print:hidden" icon={<PrinterSmallIcon aria-hidden />} onClick={() => print(sheet.factor)}>{t('print')}</Button>
                </div>
                <HGrid columns={{ xs: 1, md: 2 }} gap="space-16">
                  {LISTS.map((list) => (
                    <CribList key={list} title={t(list)} items={sheet[list]} render={(s) => (
                      <>
                        <span className="mr-1 inline-block min-w-8 rounded bg-ax-bg-neutral-soft px-1 text-center font-semibold tabular-nums">{signed(result.factorArrays[s]![sheet.factor - 1])}</span>
                        <strong>{result.statements[s]}.</strong> {texts[result.statements[s]!]}{' '}
                        <span className="text-ax-text-neutral-subtle tabular-nums">({others(result, sheet, s).map((o) => t('elsewhere', { n: result.factorLabels[o.factor - 1]!, value: signed(o.value) })).join(', ')})</span>
                      </>
                    )} empty={t('none')} />
                  ))}
                </HGrid>
              </VStack>
            </div>
          </Tabs.Panel>
        ))}
      </Tabs>
    </section>
  );
}

function CribList({ title, items, render, empty }: { title: string; items: number[]; render: (s: number) => React.ReactNode; empty: string }) {
  return (
    <div className="break-inside-avoid">
      <Heading level="5" size="xsmall" spacing>{title}</Heading>
      {items.length === 0 ? <BodyShort size="small" className="text-ax-text-neutral-subtle">{empty}</BodyShort> : (
        <ul className="space-y-1 text-sm">
          {items.map((s) => <li key={s}>{render(s)}</li>)}
        </ul>
      )}
    </div>
  );
}

/** The statement's value in the other factors' arrays, for comparison. */
function others(result: QResult, sheet: CribSheet, s: number) {
  return Array.from({ length: result.factors }, (_, g) => g)
    .filter((g) => g !== sheet.factor - 1 && result.factorArrays[s]![g] !== null)
    .map((g) => ({ factor: g + 1, value: result.factorArrays[s]![g]! }));
}
