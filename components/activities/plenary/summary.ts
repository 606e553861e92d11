'use client';

import { useTranslations } from 'next-intl';
import type { ActivityDraftOf } from '../contract';

/** "3 prikker per deltaker · ordsky: «…»" */
export function usePlenarySummary() {
  const t = useTranslations('plenary.summary');
  return ({ config }: ActivityDraftOf<'plenary'>): string =>
    [t('dots', { count: config.dotVotes }), config.wordCloudQuestion ? t('wordCloud', { question: config.wordCloudQuestion }) : t('noWordCloud')].join(' · ');
}
