'use client';

import { useTranslations } from 'next-intl';
import { FindingCardView } from '@/components/workshop/FindingCardView';
import { ResultsView } from '@/components/workshop/ResultsView';
import type { ScreenViewProps } from '../contract';

/** The current finding large, and its tally once revealed. */
export function FindingsScreen({ live, runtime, activity, findings }: ScreenViewProps<'findings'>) {
  const t = useTranslations('live');
  const finding = findings.find((f) => f.id === activity.config.findingIds[runtime.findingIndex]);
  return (
    <div className="grid grid-cols-[3fr_2fr] gap-10">
      {finding && <FindingCardView finding={finding} size="large" />}
      <div className="rounded-xl bg-white p-8">
        {runtime.revealed ? <ResultsView results={live.results} minCount={runtime.minRevealCount} large /> : <p className="text-3xl">{t('notRevealed')}</p>}
      </div>
    </div>
  );
}
