import { BodyShort, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useOneDecimal } from '@/components/use-one-decimal';
import { EVALUATION_SCALE, type EvaluationDistribution } from '@/lib/archive/timeline';
import { MIN_EVALUATION_ANSWERS } from '@/server/services/feedback-archive';

/** Shades from 0 (light) to 4 (strong), so a distribution reads left to right as low to high. */
const shade = ['bg-ax-bg-accent-moderate', 'bg-ax-bg-accent-moderate-hover', 'bg-ax-bg-accent-strong-hover', 'bg-ax-bg-accent-strong', 'bg-ax-bg-accent-strong-pressed'];

/** Each question's answers as one bar split by value 0–4, with the mean; held back below the minimum. */
export function EvaluationBars({ evaluation }: { evaluation: EvaluationDistribution[] }) {
  const t = useTranslations('archiveSearch.timeline');
  const oneDecimal = useOneDecimal();
  return (
    <VStack gap="space-12" as="ul" className="m-0 list-none p-0">
      {evaluation.map((q) => (
        <li key={q.question} data-testid="evaluation-distribution">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <BodyShort size="small">{q.label || q.question}</BodyShort>
            <BodyShort size="small" className="text-ax-text-neutral-subtle">
              {q.mean === null ? t('tooFew', { min: MIN_EVALUATION_ANSWERS }) : `${t('mean', { mean: oneDecimal(q.mean) })} · ${t('answers', { count: q.answers })}`}
            </BodyShort>
          </div>
          {q.counts && (
            <div className="mt-1 flex h-5 overflow-hidden rounded" role="img" aria-label={EVALUATION_SCALE.map((v) => t('valueCount', { count: q.counts![v] ?? 0, value: v })).join(', ')}>
              {EVALUATION_SCALE.map((v) =>
                (q.counts![v] ?? 0) > 0 ? (
                  <div key={v} className={`${shade[v]} flex items-center justify-center text-xs text-ax-text-accent-contrast`} style={{ width: `${((q.counts![v] ?? 0) / q.answers) * 100}%` }}>
                    {v}
                  </div>
                ) : null,
              )}
            </div>
          )}
        </li>
      ))}
    </VStack>
  );
}
