'use client';

import { useTranslations } from 'next-intl';
import type { ActivityDraftOf, EditorOptions } from '../contract';

/** "3 funn: title, title, title" */
export function useFindingsSummary() {
  const t = useTranslations('findingsRound');
  return (activity: ActivityDraftOf<'findings'>, { findings }: EditorOptions): string => {
    const titles = activity.config.findingIds.flatMap((id) => findings.find((f) => f.id === id)?.title ?? []);
    return [t('summary', { count: activity.config.findingIds.length }), titles.join(', ')].filter(Boolean).join(': ');
  };
}
