'use client';

import { useTranslations } from 'next-intl';
import type { ActivityDraftOf } from '../contract';

/** "Skala 0–4: I hvilken grad …" on the agenda card. */
export function useQuestionSummary() {
  const t = useTranslations('question');
  return ({ config }: ActivityDraftOf<'question'>): string => t('summary', { format: t(`form.formats.${config.format}`), prompt: config.prompt });
}
