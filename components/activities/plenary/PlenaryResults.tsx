'use client';

import { BodyShort, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useResultControls } from '@/components/workshop/result-controls';
import type { ResultsOf, ResultsViewProps } from '../contract';
import { WordCloud } from './WordCloud';

/** Dots per theme as bars (most votes first), and the word cloud. */
export function PlenaryResults({ results, minCount, large, clusters, onHide, hidden, onRedact }: ResultsViewProps<ResultsOf<'plenary'>>) {
  const t = useTranslations('live');
  const { redactButton } = useResultControls({ onHide, hidden, onRedact });
  const text = large ? 'text-2xl' : '';
  const max = Math.max(1, ...Object.values(results.votes ?? {}), ...results.words.map((w) => w.count));
  return (
    <VStack gap="space-16" data-testid="results">
      {clusters.length > 0 && results.votes && (
        <VStack gap="space-8">
          {[...clusters].sort((a, b) => (results.votes![b.id] ?? 0) - (results.votes![a.id] ?? 0)).map((c) => (
            <div key={c.id} className="grid grid-cols-[minmax(8rem,14rem)_1fr_7rem] items-center gap-3" data-testid="vote-tally">
              <span className={`font-semibold ${text}`}>{c.name}</span>
              <div className="h-6 rounded bg-ax-bg-neutral-soft">
                <div className="h-6 rounded bg-ax-bg-accent-strong" style={{ width: `${((results.votes![c.id] ?? 0) / max) * 100}%` }} />
              </div>
              <span className={`text-right tabular-nums ${text}`}>{t('votes', { count: results.votes![c.id] ?? 0 })}</span>
            </div>
          ))}
        </VStack>
      )}
      {results.words.length > 0 && <WordCloud words={results.words} large={large} onHide={onHide} hidden={hidden} redactButton={(word) => redactButton({ type: 'word', activityId: results.activityId, word }, false)} />}
      {!results.votes && results.voters !== 0 && <BodyShort>{t('tooFew', { min: minCount })}</BodyShort>}
    </VStack>
  );
}
