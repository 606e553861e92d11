'use client';

import { BodyShort, Box, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { QuestionConfig } from '@/lib/activities/question/config';
import { asQuestionResults } from './QuestionScreen';

/**
 * The facilitator's panel for a Spørsmål: the question and how many have answered (always,
 * also below the minimum). Every answer shows live in the console's results box, where open
 * answers can be hidden from the screen or redacted; reveal and lock are the workshop's controls.
 */
export function QuestionConsole({ activityId, config, results }: {
  activityId: string;
  config: QuestionConfig;
  /** The full results (facilitators get them live, before reveal and below the minimum). */
  results: unknown;
}) {
  const t = useTranslations('question');
  const full = asQuestionResults(results, activityId);
  return (
    <VStack gap="space-12" data-testid="question-console">
      <Box background="accent-soft" padding="space-12" borderRadius="8">
        <BodyShort weight="semibold">{config.prompt}</BodyShort>
        <BodyShort size="small">{t(`form.formats.${config.format}`)}</BodyShort>
      </Box>
      <BodyShort weight="semibold" data-testid="question-count">{t('console.count', { count: full?.total ?? 0 })}</BodyShort>
      <BodyShort size="small">{t('console.lockHint')}</BodyShort>
    </VStack>
  );
}
