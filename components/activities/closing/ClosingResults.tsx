'use client';

import { BodyShort, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useResultControls } from '@/components/workshop/result-controls';
import type { ResultsOf, ResultsViewProps } from '../contract';
import { useOneDecimal } from '@/components/use-one-decimal';

/** Each question's 0–4 distribution and mean, and the free-text answers. */
export function ClosingResults({ results, minCount, large, onHide, hidden, onRedact }: ResultsViewProps<ResultsOf<'closing'>>) {
  const t = useTranslations('live');
  const oneDecimal = useOneDecimal();
  const { hideButton, redactButton, shown } = useResultControls({ onHide, hidden, onRedact });
  const text = large ? 'text-2xl' : '';
  return (
    <VStack gap="space-12" data-testid="results">
      {results.respondents !== null && <BodyShort className={text}>{t('respondents', { count: results.respondents })}</BodyShort>}
      {results.questions.map((q) => (
        <div key={q.id} className="grid grid-cols-[1fr_auto] items-center gap-3">
          <div className="flex h-8 gap-1" aria-hidden>
            {(q.distribution ?? [0, 0, 0, 0, 0]).map((n, value) => (
              // The shade shows the share; only the shade fades, so the count on it keeps its contrast.
              <div key={value} className="relative flex flex-1 items-center justify-center text-sm text-ax-text-neutral">
                <div className="absolute inset-0 rounded bg-ax-bg-accent-moderate" style={{ opacity: 0.25 + (n / Math.max(1, q.n ?? 0)) * 0.75 }} />
                <span className="relative">{q.distribution ? `${value}: ${n}` : ''}</span>
              </div>
            ))}
          </div>
          <span className={`tabular-nums ${text}`} data-testid={`mean-${q.id}`}>
            {q.mean === null ? t('tooFew', { min: minCount }) : t('mean', { value: oneDecimal(q.mean) })}
          </span>
        </div>
      ))}
      {results.texts.map((x) => (
        <HStack key={x.id} justify="space-between" gap="space-8">
          <BodyShort className={text}>{shown(x)}</BodyShort>
          <HStack gap="space-2" wrap={false}>
            {hideButton(x.id)}
            {redactButton({ type: 'item', itemId: x.id }, x.redacted)}
          </HStack>
        </HStack>
      ))}
    </VStack>
  );
}
