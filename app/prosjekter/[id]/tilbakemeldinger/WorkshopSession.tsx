import { BarChartIcon } from '@navikt/aksel-icons';
import { Heading } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { OutcomeBrief } from '@/components/results/OutcomeBrief';
import type { WorkshopSessionRecord } from '@/server/services/feedback-archive';
import { ArchiveCard } from './ArchivePart';

/** One ended utviklingsverksted session: each activity's outcome in brief, and the way to its results page. */
export function WorkshopSession({ session, projectId }: { session: WorkshopSessionRecord; projectId: string }) {
  const t = useTranslations('sessionResults');
  const { results } = session;
  const headingId = `verksted-${session.sessionId}`;
  return (
    <ArchiveCard
      headingId={headingId}
      kind={t('archive.kind')}
      kindColor="accent"
      ongoing={null}
      heading={results.title}
      startedAt={session.startedAt}
      workshopLine={t('archive.activities', { count: results.activities.length })}
      testId="workshop-session"
    >
      <ol className="m-0 list-none space-y-4 p-0">
        {results.activities.map((a, i) => (
          <li key={a.activityId} className="border-0 border-l-4 border-solid border-ax-border-neutral-subtle pl-3">
            <Heading level="3" size="xsmall">
              {i + 1}. {a.title}
            </Heading>
            <OutcomeBrief outcome={a.outcome} projectId={projectId} />
          </li>
        ))}
      </ol>
      {/* A Next link, not Aksel's Button: a server component cannot hand Button a component to render as. */}
      <Link href={`/prosjekter/${projectId}/live/${session.sessionId}/resultater`} className="aksel-link inline-flex w-fit items-center gap-2 font-semibold">
        <BarChartIcon aria-hidden />
        {t('brief.seeAll')}
      </Link>
    </ArchiveCard>
  );
}
