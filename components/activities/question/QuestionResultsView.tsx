'use client';

import { BodyShort, Box, Button, HStack, VStack } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { scaleValues, type QuestionConfig } from '@/lib/activities/question/config';
import { shareOf, type QuestionResults } from '@/lib/activities/question/tally';

/** What a facilitator may do with an open answer in the console: hide it from the screen, or take its text out. */
export interface AnswerModeration {
  hidden: readonly string[];
  onHide: (itemId: string, hidden: boolean) => void;
  /** A button that redacts the item after a confirm dialog (the shared redaction flow). */
  redactButton: (itemId: string) => ReactNode;
}

/**
 * A Spørsmål's results: bars with percentages for choices, a distribution with mean and median
 * for scales, a word list for open answers. On the screen and phones `results` is the public
 * view, where below the minimum everything is null and only "too few answers" shows.
 */
export function QuestionResultsView({ results, config, minCount, large = false, moderation }: {
  results: QuestionResults;
  config: QuestionConfig;
  minCount: number;
  large?: boolean;
  /** Facilitators only: the full results with every open answer. */
  moderation?: AnswerModeration;
}) {
  const t = useTranslations('question.results');
  const text = large ? 'text-3xl' : '';
  if (results.total === null) {
    return <BodyShort className={`font-semibold ${text}`} data-testid="question-too-few">{t('tooFew')}</BodyShort>;
  }
  return (
    <VStack gap="space-12" data-testid="question-results">
      <BodyShort className={text} data-testid="question-total">{t('answers', { count: results.total })}</BodyShort>
      {moderation && results.total < minCount && <BodyShort size="small" className="italic">{t('belowMinimum', { min: minCount })}</BodyShort>}
      {results.options && <ChoiceBars results={results} config={config} text={text} />}
      {results.distribution && <Distribution results={results} config={config} large={large} />}
      {results.format === 'open' && (moderation ? <AllAnswers results={results} moderation={moderation} /> : <WordList words={results.words} large={large} />)}
    </VStack>
  );
}

function ChoiceBars({ results, config, text }: { results: QuestionResults; config: QuestionConfig; text: string }) {
  const t = useTranslations('question.results');
  const format = useFormatter();
  const label = (id: string) => config.options.find((o) => o.id === id)?.text ?? id;
  return (
    <VStack gap="space-8">
      {results.options!.map((o) => {
        const share = shareOf(o.count, results.total);
        return (
          <div key={o.id} className="grid grid-cols-[minmax(6rem,16rem)_1fr_8rem] items-center gap-3" data-testid="question-bar">
            <span className={`font-semibold ${text}`}>{label(o.id)}</span>
            <div className="h-6 rounded bg-ax-bg-neutral-soft" aria-hidden>
              <div className="h-6 rounded bg-ax-bg-accent-strong" style={{ width: `${share * 100}%` }} />
            </div>
            <span className={`text-right tabular-nums ${text}`}>{t('share', { count: o.count, percent: format.number(share, { style: 'percent', maximumFractionDigits: 0 }) })}</span>
          </div>
        );
      })}
    </VStack>
  );
}

function Distribution({ results, config, large }: { results: QuestionResults; config: QuestionConfig; large: boolean }) {
  const t = useTranslations('question.results');
  const format = useFormatter();
  if (config.format !== 'scale4' && config.format !== 'scale10') return null;
  const values = scaleValues(config.format);
  const counts = results.distribution!;
  const max = Math.max(1, ...counts);
  // One decimal, written the reader's way: "3,2" in bokmål.
  const stat = (value: number | null) => (value === null ? '–' : format.number(value, { maximumFractionDigits: 1 }));
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
      {(config.lowLabel || config.highLabel) && (
        <HStack justify="space-between" className={large ? 'text-2xl' : 'text-sm'}>
          <span>{config.lowLabel}</span>
          <span>{config.highLabel}</span>
        </HStack>
      )}
      <HStack gap="space-24" className={text}>
        <span data-testid="question-mean">{t('mean', { value: stat(results.mean) })}</span>
        <span data-testid="question-median">{t('median', { value: stat(results.median) })}</span>
      </HStack>
    </VStack>
  );
}

function WordList({ words, large }: { words: QuestionResults['words']; large: boolean }) {
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

function AllAnswers({ results, moderation }: { results: QuestionResults; moderation: AnswerModeration }) {
  const t = useTranslations('question.results');
  const tHide = useTranslations('live');
  const tRedaction = useTranslations('redaction');
  return (
    <ul className="m-0 grid list-none gap-2 p-0 md:grid-cols-2" aria-label={t('allAnswers')}>
      {results.answers.map((a) => {
        const hidden = moderation.hidden.includes(a.id);
        return (
          <li key={a.id}>
            <Box padding="space-8" borderRadius="8" background={hidden ? 'neutral-soft' : 'raised'} borderWidth="1" borderColor="neutral-subtle">
              <HStack justify="space-between" gap="space-8" wrap={false}>
                <BodyShort className={hidden ? 'line-through opacity-60' : ''}>
                  {a.redacted ? <span className="italic" data-testid="redacted">{tRedaction('marker')}</span> : a.text}
                </BodyShort>
                <HStack gap="space-2" wrap={false}>
                  <Button size="xsmall" variant="tertiary-neutral" onClick={() => moderation.onHide(a.id, !hidden)}>{hidden ? tHide('unhideItem') : tHide('hideItem')}</Button>
                  {!a.redacted && moderation.redactButton(a.id)}
                </HStack>
              </HStack>
            </Box>
          </li>
        );
      })}
    </ul>
  );
}
