'use client';

import { BodyShort, Box, Button, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useNumbers } from '@/components/use-one-decimal';
import { ConfirmAction } from '@/components/live/ConfirmAction';
import type { AppError } from '@/lib/errors';
import type { RedactTarget } from '@/lib/protocol';
import { shareOf, type QuestionResults as Results } from '@/lib/activities/question/tally';
import type { ResultsOf, ResultsViewProps } from '../contract';

/**
 * A Spørsmål's results: bars with percentages for choices, a distribution with mean and median
 * for scales, a word list for open answers. On the screen and phones `results` is the public
 * view, where below the minimum everything is null and only "too few answers" shows. With
 * `onHide` (facilitators) every open answer is listed to hide or redact.
 */
export function QuestionResultsView({ results, minCount, large = false, onHide, hidden = [], onRedact }: {
  results: Results;
  minCount: number;
  large?: boolean;
  onHide?: (itemId: string, hidden: boolean) => void;
  hidden?: readonly string[];
  onRedact?: (target: RedactTarget) => Promise<AppError | null>;
}) {
  const t = useTranslations('question.results');
  const text = large ? 'text-3xl' : '';
  if (results.total === null) {
    return <BodyShort className={`font-semibold ${text}`} data-testid="question-too-few">{t('tooFew')}</BodyShort>;
  }
  return (
    <VStack gap="space-12" data-testid="question-results">
      <BodyShort className={text} data-testid="question-total">{t('answers', { count: results.total })}</BodyShort>
      {onHide && results.total < minCount && <BodyShort size="small" className="italic">{t('belowMinimum', { min: minCount })}</BodyShort>}
      {results.options && <ChoiceBars results={results} text={text} />}
      {results.distribution && results.scale && <Distribution results={results} large={large} />}
      {results.format === 'open' && (onHide ? <AllAnswers results={results} onHide={onHide} hidden={hidden} onRedact={onRedact} /> : <WordList words={results.words} large={large} />)}
    </VStack>
  );
}

function ChoiceBars({ results, text }: { results: Results; text: string }) {
  const t = useTranslations('question.results');
  const numbers = useNumbers();
  // Taller bars on the big screen, to read from the back of the room.
  const bar = text ? 'h-10' : 'h-6';
  return (
    // One grid for all rows (each row a subgrid), so every bar starts and ends at the same x
    // whatever the width of its label or count.
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] gap-x-3 gap-y-2">
      {results.options!.map((o) => {
        const share = shareOf(o.count, results.total);
        return (
          // Label and bar share the width; the count takes what it needs and never wraps.
          <div key={o.id} className="col-span-3 grid grid-cols-subgrid items-center" data-testid="question-bar">
            <span className={`font-semibold ${text}`}>{o.text}</span>
            <div className={`${bar} rounded bg-ax-bg-neutral-soft`} aria-hidden>
              <div className={`${bar} rounded bg-ax-bg-accent-strong`} style={{ width: `${share * 100}%` }} />
            </div>
            <span className={`whitespace-nowrap text-right tabular-nums ${text}`}>{t('share', { count: o.count, percent: numbers.percent(share) })}</span>
          </div>
        );
      })}
    </div>
  );
}

function Distribution({ results, large }: { results: Results; large: boolean }) {
  const t = useTranslations('question.results');
  const numbers = useNumbers();
  const scale = results.scale!;
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const counts = results.distribution!;
  const max = Math.max(1, ...counts);
  // One decimal, written the reader's way: "3,2" in bokmål.
  const stat = (value: number | null) => (value === null ? '–' : numbers.number(value, 1));
  const text = large ? 'text-3xl' : '';
  return (
    <VStack gap="space-8">
      <div className={`flex items-end gap-2 ${large ? 'h-64' : 'h-32'}`} role="img" aria-label={t('distribution')} data-testid="question-distribution">
        {values.map((value, i) => (
          <div key={value} className="flex h-full flex-1 flex-col items-center justify-end gap-1">
            <span className={`tabular-nums ${large ? 'text-2xl' : 'text-sm'}`}>{counts[i]}</span>
            <div className="w-full rounded-t bg-ax-bg-accent-strong" style={{ height: `${(counts[i]! / max) * 100}%`, minHeight: counts[i] ? '0.25rem' : 0 }} />
          </div>
        ))}
      </div>
      <div className="flex gap-2" aria-hidden>
        {values.map((value) => <span key={value} className={`flex-1 text-center font-semibold ${large ? 'text-2xl' : 'text-sm'}`}>{value}</span>)}
      </div>
      {(scale.lowLabel || scale.highLabel) && (
        <HStack justify="space-between" className={large ? 'text-2xl' : 'text-sm'}>
          <span>{scale.lowLabel}</span>
          <span>{scale.highLabel}</span>
        </HStack>
      )}
      <HStack gap="space-24" className={text}>
        <span data-testid="question-mean">{t('mean', { value: stat(results.mean) })}</span>
        <span data-testid="question-median">{t('median', { value: stat(results.median) })}</span>
      </HStack>
    </VStack>
  );
}

function WordList({ words, large }: { words: Results['words']; large: boolean }) {
  const t = useTranslations('question.results');
  if (words.length === 0) return <BodyShort>{t('noWords')}</BodyShort>;
  const max = Math.max(...words.map((w) => w.count));
  return (
    <ul aria-label={t('words')} data-testid="question-words" className="m-0 flex list-none flex-wrap items-baseline gap-x-6 gap-y-2 p-0">
      {words.map((w) => (
        <li key={w.word} className="font-bold text-ax-text-accent" style={{ fontSize: `${(large ? 1.5 : 1) * (1 + (1.5 * w.count) / max)}rem` }}>
          {w.word}
          {w.count > 1 && <span className="ml-1 align-super text-sm font-normal tabular-nums">{w.count}</span>}
        </li>
      ))}
    </ul>
  );
}

function AllAnswers({ results, onHide, hidden, onRedact }: {
  results: Results;
  onHide: (itemId: string, hidden: boolean) => void;
  hidden: readonly string[];
  onRedact?: (target: RedactTarget) => Promise<AppError | null>;
}) {
  const t = useTranslations('question.results');
  const tLive = useTranslations('live');
  const tRedaction = useTranslations('redaction');
  return (
    <ul className="m-0 grid list-none gap-2 p-0 md:grid-cols-2" aria-label={t('allAnswers')}>
      {results.answers.map((a) => {
        const isHidden = hidden.includes(a.id);
        return (
          <li key={a.id} data-testid="question-answer">
            <Box padding="space-8" borderRadius="8" background={isHidden ? 'neutral-soft' : 'raised'} borderWidth="1" borderColor="neutral-subtle">
              <HStack justify="space-between" gap="space-8" wrap={false}>
                <BodyShort className={isHidden ? 'line-through opacity-60' : ''}>
                  {a.redacted ? <span className="italic" data-testid="redacted">{tRedaction('marker')}</span> : a.text}
                </BodyShort>
                <HStack gap="space-2" wrap={false}>
                  <Button size="xsmall" variant="tertiary-neutral" onClick={() => onHide(a.id, !isHidden)}>{isHidden ? tLive('unhideItem') : tLive('hideItem')}</Button>
                  {onRedact && !a.redacted && (
                    <ConfirmAction label={tRedaction('redact')} title={tRedaction('redactTitle')} body={tRedaction('redactConfirm')} confirm={tRedaction('confirmRedact')}
                      onConfirm={() => onRedact({ type: 'item', itemId: a.id })} />
                  )}
                </HStack>
              </HStack>
            </Box>
          </li>
        );
      })}
    </ul>
  );
}

/** The results part of the UI contract (console, phones and screen through the shared ResultsView). */
export function QuestionResults({ results, minCount, large, onHide, hidden, onRedact }: ResultsViewProps<ResultsOf<'question'>>) {
  return <QuestionResultsView results={results} minCount={minCount} large={large} onHide={onHide} hidden={hidden} onRedact={onRedact} />;
}
