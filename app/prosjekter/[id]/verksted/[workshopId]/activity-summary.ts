'use client';

import { useTranslations } from 'next-intl';
import type { AgendaActivity } from '@/lib/workshop/agenda';
import type { SetOption, TemplateOption } from './NestedFields';

/** One line that says what an activity is set up to do, so the agenda reads at a glance. */
export function useActivitySummary(findingTitles: ReadonlyMap<string, string>, sets: readonly SetOption[], templates: readonly TemplateOption[]) {
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
      case 'qsort': {
        const set = sets.find((s) => s.id === activity.config.setId);
        if (!set) return t('missingSet');
        return [t('qsort', { name: set.name, count: set.count }), set.gridFits ? null : t('gridMismatch')].filter(Boolean).join(' · ');
      }
      case 'supervision': {
        const template = templates.find((x) => x.id === activity.config.templateId);
        return template ? t('supervision', { name: template.name, count: template.rounds }) : t('missingTemplate');
      }
    }
  };
}
