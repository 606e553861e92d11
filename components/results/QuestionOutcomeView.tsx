import { BodyShort, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { QuestionOutcome } from '@/lib/results/session-results';
import { textSize, type ResultSize } from './result-size';
import { useOneDecimal } from '@/components/use-one-decimal';

/** A Spørsmål: bars per option, a distribution per scale value, or the open answers as words. */
export function QuestionOutcomeView({ outcome, minCount, size }: { outcome: QuestionOutcome; minCount: number; size: ResultSize }) {
  const t = useTranslations('sessionResults');
  const oneDecimal = useOneDecimal();
  const text = textSize[size];
  const r = outcome.results;
  if (r.total === null) return <BodyShort className={`text-ax-text-neutral-subtle ${text}`}>{t('tooFew', { min: minCount })}</BodyShort>;
  const bars: { label: string; count: number }[] = r.options
    ? r.options.map((o) => ({ label: o.text, count: o.count }))
    : r.distribution && r.scale
      ? r.distribution.map((count, i) => ({ label: String(r.scale!.min + i), count }))
      : r.words.map((w) => ({ label: w.word, count: w.count }));
  const most = Math.max(1, ...bars.map((b) => b.count));
  return (
    <VStack gap="space-8">
      <BodyShort size="small" className="text-ax-text-neutral-subtle">
        {t('responses', { count: r.total })}
        {r.mean !== null && ` · ${t('question.meanValue', { value: oneDecimal(r.mean) })}`}
      </BodyShort>
      {bars.map((b) => (
        <HStack key={b.label} gap="space-8" align="center" wrap={false}>
          <BodyShort className={`w-40 shrink-0 truncate ${text}`}>{b.label}</BodyShort>
          <div className="h-4 flex-1 rounded bg-ax-bg-neutral-moderate" aria-hidden>
            <div className="h-4 rounded bg-ax-bg-accent-strong" style={{ width: `${(b.count / most) * 100}%` }} />
          </div>
          <BodyShort className={`w-10 text-right tabular-nums ${text}`}>{b.count}</BodyShort>
        </HStack>
      ))}
    </VStack>
  );
}
