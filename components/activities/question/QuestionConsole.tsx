'use client';

import { BodyShort, Box, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { QuestionConfig } from '@/lib/activities/question/config';
import type { QuestionResults } from '@/lib/activities/question/tally';

/**
 * The facilitator's panel for a Spørsmål: the question and how many have answered (always,
 * also below the minimum). Every answer shows live in the console's results box, where open
 * answers can be hidden from the screen or redacted; reveal and lock are the workshop's controls.
 */
export function QuestionConsole({ config, results }: {
  config: QuestionConfig;
  /** This question's full results (`resultsOfQuestion`; facilitators get them live, before reveal and below the minimum). */
  results: QuestionResults | null;
}) {
  const t = useTranslations('question');
  return (
    <VStack gap="space-12" data-testid="question-console">
      <Box background="accent-soft" padding="space-12" borderRadius="8">
        <BodyShort weight="semibold">{config.prompt}</BodyShort>
        <BodyShort size="small">{t(`form.formats.${config.format}`)}</BodyShort>
      </Box>
      <BodyShort weight="semibold" data-testid="question-count">{t('console.count', { count: results?.total ?? 0 })}</BodyShort>
      <BodyShort size="small">{t('console.lockHint')}</BodyShort>
    </VStack>
  );
}
