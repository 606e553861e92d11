'use client';

import { useTranslations } from 'next-intl';
import type { ActivityDraftOf } from '../contract';

/** "Grupper på 4 · tilfeldig inndeling · 15 min · stille skriving først (5 min)" */
export function useReflectionSummary() {
  const t = useTranslations('reflection.summary');
  return ({ config: c }: ActivityDraftOf<'reflection'>): string =>
    [
      t('groupSize', { size: c.groupSize }),
      c.grouping === 'attribute' ? t('grouping.attribute', { attribute: c.attribute }) : t(`grouping.${c.grouping}`),
      t('minutes', { minutes: c.minutes }),
      c.silentFirst ? t('silent', { minutes: c.silentMinutes }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
}
