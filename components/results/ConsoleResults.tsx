'use client';

import { BarChartIcon } from '@navikt/aksel-icons';
import { Button, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SummaryControls } from './SummaryControls';

/**
 * The console's results part for a workshop session: the summary switches (the phones' one is
 * set before the end, so the console shows them while the session is open too) and, once
 * ended, the way to the results page.
 */
export function ConsoleResults({ projectId, sessionId, ended, summary }: { projectId: string; sessionId: string; ended: boolean; summary: { screen: boolean; phones: boolean } }) {
  const t = useTranslations('sessionResults');
  return (
    <VStack gap="space-12">
      {ended && (
        <Button as={Link} href={`/prosjekter/${projectId}/live/${sessionId}/resultater`} role="link" variant="primary" icon={<BarChartIcon aria-hidden />} className="w-fit">
          {t('openLink')}
        </Button>
      )}
      {/* Keyed by the committed switches, so a change from another console resets the local state. */}
      <SummaryControls key={`${summary.screen}:${summary.phones}`} projectId={projectId} sessionId={sessionId} summary={summary} />
    </VStack>
  );
}
