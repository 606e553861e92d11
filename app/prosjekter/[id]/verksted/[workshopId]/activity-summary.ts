'use client';

import { useTranslations } from 'next-intl';
import type { AgendaActivity } from '@/lib/workshop/agenda';

/** One line that says what an activity is set up to do, so the agenda reads at a glance. */
export function useActivitySummary(findingTitles: ReadonlyMap<string, string>) {
  const t = useTranslations('workshop.summary');
  return (activity: AgendaActivity): string => {
    switch (activity.kind) {
      case 'findings': {
        const titles = activity.config.findingIds.flatMap((id) => findingTitles.get(id) ?? []);
        return [t('findings', { count: activity.config.findingIds.length }), titles.join(', ')].filter(Boolean).join(': ');
      }
      case 'reflection': {
        const c = activity.config;
        return [
          t('groupSize', { size: c.groupSize }),
          c.grouping === 'attribute' ? t('grouping.attribute', { attribute: c.attribute }) : t(`grouping.${c.grouping}`),
          t('minutes', { minutes: c.minutes }),
          c.silentFirst ? t('silent', { minutes: c.silentMinutes }) : null,
        ]
          .filter(Boolean)
          .join(' · ');
      }
      case 'plenary':
        return [
          t('dots', { count: activity.config.dotVotes }),
          activity.config.wordCloudQuestion ? t('wordCloud', { question: activity.config.wordCloudQuestion }) : t('noWordCloud'),
        ].join(' · ');
      case 'closing':
        return [t('questions', { count: activity.config.questions.length }), activity.config.freeTextQuestion ? t('freeText') : null]
          .filter(Boolean)
          .join(' · ');
    }
  };
}
