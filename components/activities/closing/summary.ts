'use client';

import { useTranslations } from 'next-intl';
import type { ActivityDraftOf } from '../contract';

/** "3 spørsmål på skala 0–4 · fritekst" */
export function useClosingSummary() {
  const t = useTranslations('closing.summary');
  return ({ config }: ActivityDraftOf<'closing'>): string =>
    [t('questions', { count: config.questions.length }), config.freeTextQuestion ? t('freeText') : null].filter(Boolean).join(' · ');
}
