import { BodyShort, HStack, VStack } from '@navikt/ds-react';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { SubpageHeader } from '@/components/SubpageHeader';
import { ReportDownloads } from '@/components/reports/ReportDownloads';
import { SessionResultsView } from '@/components/results/SessionResultsView';
import { SummaryControls } from '@/components/results/SummaryControls';
import { readLiveState } from '@/lib/live-session';
import { getServices } from '@/server/registry';

/** A workshop session's results, activity by activity: for the project's members, with the summary switches. */
export default async function SessionResultsPage({ params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const { id, sessionId } = await params;
  const user = await requireUser(`/prosjekter/${id}/live/${sessionId}/resultater`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(sessionId).success) notFound();
  const services = getServices();
  const [results, session] = await Promise.all([services.sessionResults.sessionResults(user.id, id, sessionId), services.live.byId(sessionId)]);
  if (!results.ok || !session) notFound();
  const t = await getTranslations('sessionResults');
  const format = await getFormatter();
  const r = results.data;
  const backHref = r.workshopId ? `/prosjekter/${id}/verksted/${r.workshopId}` : `/prosjekter/${id}`;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });

  return (
    <VStack gap="space-24">
      <SubpageHeader backHref={backHref} backLabel={r.title} heading={`${t('heading')}: ${r.title}`} lead={t('lead', { min: r.minCount })} />
      <HStack gap="space-16" align="center">
        <BodyShort size="small" className="text-ax-text-neutral-subtle">
          {r.endedAt ? t('ended', { date: date(r.endedAt) }) : t('ongoing')}
        </BodyShort>
      </HStack>
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <SummaryControls projectId={id} sessionId={sessionId} summary={readLiveState(session.state).summary} />
        <ReportDownloads projectId={id} scope={{ sessionId }} />
      </div>
      <SessionResultsView results={r} size="page" projectId={id} />
    </VStack>
  );
}
