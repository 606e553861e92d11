'use client';

import { Heading, Loader, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { SessionResultsView } from './SessionResultsView';
import { useSummary } from './use-summary';

/** The big screen's closing summary: the session's results by the public rules, in large type. */
export function ScreenSummary({ sessionId, version }: { sessionId: string; version: number }) {
  const t = useTranslations('sessionResults.screen');
  const tErrors = useTranslations('errors');
  const summary = useSummary(`/skjerm/${sessionId}/oppsummering`, true, version);
  return (
    <VStack gap="space-24" data-testid="screen-summary">
      <Heading level="2" size="small" className="sr-only">
        {t('heading')}
      </Heading>
      {summary.status === 'loading' && <Loader size="3xlarge" title={t('loading')} />}
      {summary.status === 'failed' && <p className="text-3xl">{tErrors(summary.code)}</p>}
      {summary.status === 'ready' && <SessionResultsView results={summary.results} size="screen" headingLevel="3" />}
    </VStack>
  );
}
