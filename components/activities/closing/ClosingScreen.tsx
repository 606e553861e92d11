'use client';

import { useTranslations } from 'next-intl';
import { ResultsView } from '@/components/workshop/ResultsView';
import type { ScreenViewProps } from '../contract';

/** The evaluation's tally once revealed. */
export function ClosingScreen({ live, runtime }: ScreenViewProps<'closing'>) {
  const t = useTranslations('live');
  return (
    <div className="rounded-xl bg-white p-8">
      {runtime.revealed ? <ResultsView results={live.results} minCount={runtime.minRevealCount} large /> : <p className="text-3xl">{t('notRevealed')}</p>}
    </div>
  );
}
