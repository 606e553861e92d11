'use client';

import { BodyShort, Box, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useResultControls } from '@/components/workshop/result-controls';
import { findingResponseValues } from '@/lib/workshop/answers';
import type { ResultsOf, ResultsViewProps } from '../contract';

const barColour = { kjenner_igjen: 'bg-ax-bg-success-strong', nyanserer: 'bg-ax-bg-warning-strong', avkrefter: 'bg-ax-bg-danger-strong' } as const;

/** Kjenner igjen / nyanserer / avkrefter as bars, and the comments. */
export function FindingsResults({ results, minCount, large, onHide, hidden, onRedact }: ResultsViewProps<ResultsOf<'findings'>>) {
  const t = useTranslations('live');
  const { hideButton, redactButton, shown } = useResultControls({ onHide, hidden, onRedact });
  const text = large ? 'text-2xl' : '';
  const max = Math.max(1, ...Object.values(results.counts ?? {}));
  return (
    <VStack gap="space-12" data-testid="results">
      {results.total !== null && <BodyShort className={text}>{t('answers', { count: results.total })}</BodyShort>}
      {results.counts ? (
        findingResponseValues.map((r) => (
          <div key={r} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-3" data-testid={`tally-${r}`}>
            <span className={`font-semibold ${text}`}>{t(`response.${r}`)}</span>
            <div className="h-6 rounded bg-ax-bg-neutral-soft">
              <div className={`h-6 rounded ${barColour[r]}`} style={{ width: `${(results.counts![r] / max) * 100}%` }} />
            </div>
            <span className={`text-right tabular-nums ${text}`}>{results.counts![r]}</span>
          </div>
        ))
      ) : (
        <BodyShort className={text}>{t('tooFew', { min: minCount })}</BodyShort>
      )}
      {results.comments.length > 0 && (
        <ul className="m-0 grid list-none grid-cols-[repeat(auto-fill,minmax(min(100%,18rem),1fr))] gap-2 p-0" aria-label={t('comments')}>
          {results.comments.map((c) => (
            <li key={c.id}>
              <Box padding="space-12" borderRadius="8" background={hidden.includes(c.id) ? 'neutral-soft' : 'raised'} borderWidth="1" borderColor="neutral-subtle">
                <HStack justify="space-between" gap="space-8">
                  <BodyShort className={`min-w-0 ${text} ${hidden.includes(c.id) ? 'line-through opacity-60' : ''}`}>{shown(c)}</BodyShort>
                  <HStack gap="space-2" wrap={false}>
                    {hideButton(c.id)}
                    {redactButton({ type: 'item', itemId: c.id }, c.redacted)}
                  </HStack>
                </HStack>
              </Box>
            </li>
          ))}
        </ul>
      )}
    </VStack>
  );
}
