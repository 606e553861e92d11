'use client';

import { Heading, Loader } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { FitBox } from '@/components/screen/FitBox';
import { PageLabel } from '@/components/screen/PageLabel';
import { usePages } from '@/components/screen/use-pages';
import { summaryScreenPages } from '@/lib/results/screen-pages';
import { SessionResultsView } from './SessionResultsView';
import { useSummary } from './use-summary';

/**
 * The big screen's closing summary: the session's results by the public rules, an activity a
 * page and a findings round two findings a page (`summaryScreenPages`), turning by itself
 * ("Side 1 av 6") until the facilitator steps it, each page fitted to the screen.
 */
export function ScreenSummary({ sessionId, version }: { sessionId: string; version: number }) {
  const t = useTranslations('sessionResults.screen');
  const tErrors = useTranslations('errors');
  const summary = useSummary(`/skjerm/${sessionId}/oppsummering`, true, version);
  const pages = useMemo(() => (summary.status === 'ready' ? summaryScreenPages(summary.results.activities) : []), [summary]);
  const page = usePages(pages, 1);
  const shown = page.items[0];
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[0.3em]" data-testid="screen-summary">
      <Heading level="2" size="small" className="sr-only">
        {t('heading')}
      </Heading>
      {summary.status === 'loading' && <Loader size="3xlarge" title={t('loading')} />}
      {summary.status === 'failed' && <p className="m-0 text-[1.2em]">{tErrors(summary.code)}</p>}
      {summary.status === 'ready' && (
        <>
          <FitBox fitKey={`${version}:${page.current}`} className="flex-1" maxScale={1.8}>
            <SessionResultsView results={{ ...summary.results, activities: shown ? [shown.activity] : [] }} numberFrom={shown?.number ?? 1} size="screen" headingLevel="3" />
          </FitBox>
          <PageLabel page={page} />
        </>
      )}
    </div>
  );
}
