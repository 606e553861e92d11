import { BodyShort, VStack } from '@navikt/ds-react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { ReportDownloads } from '@/components/reports/ReportDownloads';
import { SubpageHeader } from '@/components/SubpageHeader';
import { assertNever } from '@/lib/errors';
import { getServices } from '@/server/registry';
import { archiveSources, type ArchiveEntry, type ArchiveSource } from '@/server/services/feedback-archive';
import { filterFromParams } from '@/lib/archive/search-query';
import { ArchiveSearchSection } from './ArchiveSearchSection';
import { QsortStudy } from './QsortStudy';
import { SourceFilter } from './SourceFilter';
import { SupervisionMeeting } from './SupervisionMeeting';
import { WorkshopSession } from './WorkshopSession';

const sourceParam = z.enum(archiveSources);

/** The project's formative feedback, session by session, newest first; `?vis=<source>` narrows it. */
export default async function FeedbackPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
  const { vis } = query;
  const user = await requireUser(`/prosjekter/${id}/tilbakemeldinger`);
  if (!z.uuid().safeParse(id).success) notFound();
  const chosen = sourceParam.safeParse(vis);
  const sources: readonly ArchiveSource[] = chosen.success ? [chosen.data] : archiveSources;
  const services = getServices();
  const [project, entries] = await Promise.all([services.projects.get(user.id, id), services.feedbackArchive.entries(user.id, id, sources)]);
  if (!project.ok || !entries.ok) notFound();
  const t = await getTranslations('feedbackArchive');

  return (
    <VStack gap="space-24">
      <SubpageHeader backHref={`/prosjekter/${id}`} backLabel={project.data.project.name} heading={t('heading')} lead={t('lead')} />
      <ArchiveSearchSection userId={user.id} projectId={id} filter={filterFromParams(query)} />
      <ReportDownloads projectId={id} />
      <SourceFilter projectId={id} chosen={chosen.success ? chosen.data : null} />
      {entries.data.length === 0 ? (
        <BodyShort>{t('none')}</BodyShort>
      ) : (
        <ol className="m-0 list-none space-y-6 p-0">
          {entries.data.map((entry) => (
            <li key={entryKey(entry)}>{renderEntry(entry, id)}</li>
          ))}
        </ol>
      )}
    </VStack>
  );
}

/** One session may hold a Q-sort and several meetings (a workshop): each entry's own key. */
// A workshop may run several meetings and Q-sorts, so the activity is part of the key.
const entryKey = (entry: ArchiveEntry) => `${entry.source}:${entry.sessionId}:${entry.activityId ?? ''}`;

/** Each source has its own card; adding workshops adds a case here. */
function renderEntry(entry: ArchiveEntry, projectId: string) {
  switch (entry.source) {
    case 'kollegaveiledning':
      return <SupervisionMeeting meeting={entry} projectId={projectId} />;
    case 'qsort':
      return <QsortStudy study={entry} projectId={projectId} />;
    case 'utviklingsverksted':
      return <WorkshopSession session={entry} projectId={projectId} />;
    default:
      return assertNever(entry);
  }
}
