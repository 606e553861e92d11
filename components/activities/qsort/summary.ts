'use client';

import { useTranslations } from 'next-intl';
import type { ActivityDraftOf, EditorOptions } from '../contract';

/** "Set name: 30 utsagn", or why the set will not do. */
export function useQsortSummary() {
  const t = useTranslations('qsort.agenda');
  return ({ config }: ActivityDraftOf<'qsort'>, { sets }: EditorOptions): string => {
    const set = sets.find((s) => s.id === config.setId);
    if (!set) return t('missingSet');
    return [t('summary', { name: set.name, count: set.count }), set.gridFits ? null : t('gridMismatch')].filter(Boolean).join(' · ');
  };
}
