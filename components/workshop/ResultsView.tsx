'use client';

import { BodyShort, Box, Button, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { findingResponseValues } from '@/lib/workshop/answers';
import type { AppError } from '@/lib/errors';
import type { RedactTarget } from '@/lib/protocol';
import type { ActivityResults } from '@/lib/workshop/results';
import { ConfirmAction } from '../live/ConfirmAction';
import type { Cluster } from '@/lib/workshop/runtime';

const barColour = { kjenner_igjen: 'bg-ax-bg-success-strong', nyanserer: 'bg-ax-bg-warning-strong', avkrefter: 'bg-ax-bg-danger-strong' } as const;

/**
 * Results of the current activity. On the big screen and phones `results` is the public view
 * (below the minimum every count is null, totals included); facilitators get everything plus
 * hide buttons.
 */
export function ResultsView({ results, minCount, large = false, clusters = [], onHide, hidden = [], onRedact }: {
  results: ActivityResults | null;
  minCount: number;
  large?: boolean;
  clusters?: Cluster[];
  onHide?: (itemId: string, hidden: boolean) => void;
  hidden?: string[];
  /** Facilitators: take a text out everywhere (after a confirm dialog). */
  onRedact?: (target: RedactTarget) => Promise<AppError | null>;
}) {
  const t = useTranslations('live');
  const tRedaction = useTranslations('redaction');
  if (!results) return null;
  const text = large ? 'text-2xl' : '';
  const hideButton = (id: string) =>
    onHide && (
      <Button size="xsmall" variant="tertiary-neutral" onClick={() => onHide(id, !hidden.includes(id))}>
        {hidden.includes(id) ? t('unhideItem') : t('hideItem')}
      </Button>
    );
  const redactButton = (target: RedactTarget, redacted: boolean | undefined) =>
    onRedact && !redacted && (
      <ConfirmAction label={tRedaction('redact')} title={tRedaction('redactTitle')} body={tRedaction('redactConfirm')} confirm={tRedaction('confirmRedact')} onConfirm={() => onRedact(target)} />
    );
  const shown = (item: { text: string; redacted?: boolean }) => (item.redacted ? <span className="italic" data-testid="redacted">{tRedaction('marker')}</span> : item.text);

  if (results.kind === 'findings') {
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
          <ul className="m-0 grid list-none gap-2 p-0 md:grid-cols-2" aria-label={t('comments')}>
            {results.comments.map((c) => (
              <li key={c.id}>
                <Box padding="space-12" borderRadius="8" background={hidden.includes(c.id) ? 'neutral-soft' : 'raised'} borderWidth="1" borderColor="neutral-subtle">
                  <HStack justify="space-between" gap="space-8" wrap={false}>
                    <BodyShort className={`${text} ${hidden.includes(c.id) ? 'line-through opacity-60' : ''}`}>{shown(c)}</BodyShort>
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

  if (results.kind === 'plenary') {
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

  return (
    <VStack gap="space-12" data-testid="results">
      {results.respondents !== null && <BodyShort className={text}>{t('respondents', { count: results.respondents })}</BodyShort>}
      {results.questions.map((q) => (
        <div key={q.id} className="grid grid-cols-[1fr_auto] items-center gap-3">
          <div className="flex h-8 gap-1" aria-hidden>
            {(q.distribution ?? [0, 0, 0, 0, 0]).map((n, value) => (
              <div key={value} className="flex-1 rounded bg-ax-bg-accent-moderate text-center text-sm" style={{ opacity: 0.25 + (n / Math.max(1, q.n ?? 0)) * 0.75 }}>
                {q.distribution ? `${value}: ${n}` : ''}
              </div>
            ))}
          </div>
          <span className={`tabular-nums ${text}`} data-testid={`mean-${q.id}`}>
            {q.mean === null ? t('tooFew', { min: minCount }) : t('mean', { value: q.mean.toFixed(1) })}
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

function WordCloud({ words, large, onHide, hidden, redactButton }: {
  words: { word: string; count: number }[];
  large: boolean;
  onHide?: (id: string, hidden: boolean) => void;
  hidden: string[];
  redactButton: (word: string) => ReactNode;
}) {
  const t = useTranslations('live');
  const max = Math.max(...words.map((w) => w.count));
  const base = large ? 1.5 : 1;
  return (
    <section aria-label={t('wordCloud')} data-testid="word-cloud" className="flex flex-wrap items-baseline justify-center gap-x-6 gap-y-2 py-4">
      {words.map((w, i) => (
        <span key={w.word} className="inline-flex items-baseline gap-1">
          <span
            className={`font-bold ${['text-ax-text-accent', 'text-ax-text-success', 'text-ax-text-neutral'][i % 3]} ${hidden.includes(`word:${w.word}`) ? 'line-through opacity-40' : ''}`}
            style={{ fontSize: `${base * (1 + (2.5 * w.count) / max)}rem` }}
          >
            {w.word}
          </span>
          {onHide && (
            <button type="button" className="text-xs underline" onClick={() => onHide(`word:${w.word}`, !hidden.includes(`word:${w.word}`))}>
              {hidden.includes(`word:${w.word}`) ? t('unhideItem') : t('hideItem')}
            </button>
          )}
          {redactButton(w.word)}
        </span>
      ))}
    </section>
  );
}
