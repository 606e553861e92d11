import { CalendarIcon, ChevronLeftIcon, LocationPinIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Heading, HStack, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { ReportDownloads } from '@/components/reports/ReportDownloads';
import { getServices } from '@/server/registry';
import { dayOf } from '../activity-kinds';
import { Agenda } from './Agenda';
import { DeleteWorkshop } from './DeleteWorkshop';
import { EndedSessions } from './EndedSessions';
import { StartWorkshopButton } from './StartWorkshopButton';
import { WorkshopDetailsForm } from './WorkshopDetailsForm';

/** The agenda editor: everything a facilitator prepares before starting the workshop. */
export default async function WorkshopEditorPage({ params }: { params: Promise<{ id: string; workshopId: string }> }) {
  const { id, workshopId } = await params;
  const user = await requireUser(`/prosjekter/${id}/verksted/${workshopId}`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(workshopId).success) notFound();
  const services = getServices();
  const [project, found, sets, templates, ended] = await Promise.all([
    services.projects.get(user.id, id),
    services.workshops.get(user.id, workshopId),
    services.statementSets.list(user.id, id),
    services.supervision.listTemplates(user.id, id),
    services.sessionResults.endedSessionList(user.id, id, workshopId),
  ]);
  if (!project.ok || !found.ok || found.data.workshop.projectId !== id) notFound();
  const { workshop, activities } = found.data;
  const t = await getTranslations('workshop');
  const format = await getFormatter();
  const phases = project.data.phases.map((p) => ({ id: p.id, name: p.name }));
  const archived = project.data.project.archivedAt !== null;

  return (
    <VStack gap="space-24">
      <nav aria-label={t('breadcrumb')}>
        <HStack gap="space-8" align="center" className="text-sm">
          <Link href={`/prosjekter/${id}`} className="aksel-link inline-flex items-center gap-1">
            <ChevronLeftIcon aria-hidden />
            {project.data.project.name}
          </Link>
          <span aria-hidden>/</span>
          <Link href={`/prosjekter/${id}/verksted`} className="aksel-link">
            {t('allWorkshops')}
          </Link>
        </HStack>
      </nav>

      <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="border-l-4 border-l-ax-border-accent">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <VStack gap="space-8">
            <Heading level="1" size="large">
              {workshop.title}
            </Heading>
            <HStack gap="space-16">
              <BodyShort className="flex items-center gap-1 text-ax-text-neutral-subtle">
                <CalendarIcon aria-hidden />
                {workshop.date ? format.dateTime(dayOf(workshop.date), { dateStyle: 'full', timeZone: 'UTC' }) : t('noDate')}
              </BodyShort>
              <BodyShort className="flex items-center gap-1 text-ax-text-neutral-subtle">
                <LocationPinIcon aria-hidden />
                {workshop.place || t('noPlace')}
              </BodyShort>
            </HStack>
          </VStack>
          <StartWorkshopButton projectId={id} workshopId={workshop.id} blockedBy={archived ? 'archived' : activities.length === 0 ? 'empty' : null} />
        </div>
      </Box>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Agenda
          projectId={id}
          workshopId={workshop.id}
          activities={activities}
          findings={project.data.findings.map((f) => ({ id: f.id, title: f.title, theme: f.theme }))}
          sets={sets.ok ? sets.data.map((s) => ({ id: s.id, name: s.name, count: s.count, gridFits: s.gridFits })) : []}
          templates={templates.ok ? templates.data.map((x) => ({ id: x.id, name: x.name, rounds: x.rounds.length })) : []}
        />
        <VStack gap="space-16">
          <EndedSessions projectId={id} sessions={ended.ok ? ended.data : []} />
          <ReportDownloads projectId={id} scope={{ workshopId: workshop.id }} />
          <WorkshopDetailsForm
            projectId={id}
            workshopId={workshop.id}
            phases={phases}
            initial={{
              title: workshop.title,
              phaseId: workshop.phaseId ?? '',
              date: workshop.date ?? '',
              place: workshop.place,
              allowNames: workshop.allowNames,
              minRevealCount: workshop.minRevealCount,
            }}
          />
          <DeleteWorkshop projectId={id} workshopId={workshop.id} title={workshop.title} />
        </VStack>
      </div>
    </VStack>
  );
}
