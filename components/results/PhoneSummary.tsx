'use client';

import { Alert, Heading, Loader, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { SessionResultsView } from './SessionResultsView';
import { useSummary } from './use-summary';

/** A participant's short summary after the end, when the facilitator allowed it. */
export function PhoneSummary({ sessionId, version }: { sessionId: string; version: number }) {
  const t = useTranslations('sessionResults.phone');
  const summary = useSummary(`/delta/oppsummering/${sessionId}`, true, version);
  return (
    <VStack gap="space-12" data-testid="phone-summary">
      <Heading level="2" size="small">
        {t('heading')}
      </Heading>
      {summary.status === 'loading' && <Loader size="large" title={t('loading')} />}
      {summary.status === 'failed' && <Alert variant="warning" size="small">{t('failed')}</Alert>}
      {summary.status === 'ready' && <SessionResultsView results={summary.results} size="phone" headingLevel="3" />}
    </VStack>
  );
}
