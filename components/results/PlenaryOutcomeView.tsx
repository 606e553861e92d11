import { BodyShort, Heading, HStack, Table, VStack } from '@navikt/ds-react';
// The parts by name: `Table.Row` is a property of a client component, out of reach from the server.
import { TableBody, TableDataCell, TableHeader, TableHeaderCell, TableRow } from '@navikt/ds-react/Table';
import { useTranslations } from 'next-intl';
import type { PlenaryOutcome } from '@/lib/results/session-results';
import { textSize, type ResultSize } from './result-size';

/** The themes with their dots and notes, then the word cloud (as a cloud, and on the page as a table too). */
export function PlenaryOutcomeView({ outcome, minCount, size }: { outcome: PlenaryOutcome; minCount: number; size: ResultSize }) {
  const t = useTranslations('sessionResults');
  const text = textSize[size];
  const max = Math.max(1, ...outcome.themes.map((x) => x.dots ?? 0));
  const maxWord = Math.max(1, ...outcome.words.map((w) => w.count));
  return (
    <VStack gap="space-24">
      <section aria-labelledby={`temaer-${outcome.kind}`}>
        <HStack justify="space-between" align="baseline" className="mb-2">
          <Heading id={`temaer-${outcome.kind}`} level="3" size="small">
            {t('plenary.themes')}
          </Heading>
          <BodyShort size="small" className="text-ax-text-neutral-subtle">
            {outcome.voters === null ? t('plenary.dotsHidden') : t('plenary.voters', { count: outcome.voters })}
          </BodyShort>
        </HStack>
        {outcome.themes.length === 0 ? (
          <BodyShort className={text}>{t('plenary.noThemes')}</BodyShort>
        ) : (
          <ol className="m-0 list-none space-y-3 p-0">
            {outcome.themes.map((theme) => (
              <li key={theme.id} data-testid="theme-outcome">
                <HStack justify="space-between" align="baseline" gap="space-8">
                  <BodyShort weight="semibold" className={text}>
                    {theme.name}
                  </BodyShort>
                  {theme.dots !== null && <BodyShort className={`tabular-nums ${text}`}>{t('plenary.dots', { count: theme.dots })}</BodyShort>}
                </HStack>
                {theme.dots !== null && (
                  <div className="mt-1 h-2 rounded-full bg-ax-bg-neutral-moderate" aria-hidden>
                    <div className="h-2 rounded-full bg-ax-bg-accent-strong" style={{ width: `${(theme.dots / max) * 100}%` }} />
                  </div>
                )}
                {theme.notes.length > 0 && (
                  <ul className="mb-0 mt-2 space-y-1 pl-5">
                    {theme.notes.map((note, i) => (
                      <li key={i}>
                        <BodyShort size={size === 'screen' ? 'large' : 'small'}>{note}</BodyShort>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      {outcome.wordQuestion && (
        <section aria-labelledby={`ordsky-${outcome.kind}`}>
          <Heading id={`ordsky-${outcome.kind}`} level="3" size="small" spacing>
            {t('plenary.wordCloud')}: {outcome.wordQuestion}
          </Heading>
          {outcome.wordTotal === null ? (
            <BodyShort className={`text-ax-text-neutral-subtle ${text}`}>{t('tooFew', { min: minCount })}</BodyShort>
          ) : outcome.words.length === 0 ? (
            <BodyShort className={text}>{t('plenary.noWords')}</BodyShort>
          ) : (
            <VStack gap="space-12">
              <div className="flex flex-wrap items-baseline justify-center gap-x-5 gap-y-1 rounded-lg bg-ax-bg-neutral-soft px-4 py-3" data-testid="outcome-word-cloud">
                {outcome.words.map((w, i) => (
                  <span key={w.word} className={`font-bold ${['text-ax-text-accent', 'text-ax-text-success', 'text-ax-text-neutral'][i % 3]}`} style={{ fontSize: `${(size === 'screen' ? 1.5 : 1) * (1 + (1.8 * w.count) / maxWord)}rem` }}>
                    {w.word}
                  </span>
                ))}
              </div>
              {size === 'page' && (
                <Table size="small" zebraStripes>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('plenary.word')}</TableHeaderCell>
                      <TableHeaderCell scope="col" align="right">
                        {t('plenary.count')}
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {outcome.words.map((w) => (
                      <TableRow key={w.word}>
                        <TableDataCell>{w.word}</TableDataCell>
                        <TableDataCell align="right" className="tabular-nums">
                          {w.count}
                        </TableDataCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </VStack>
          )}
        </section>
      )}
    </VStack>
  );
}
