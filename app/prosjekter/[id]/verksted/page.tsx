import { ChevronLeftIcon } from '@navikt/aksel-icons';
import { BodyLong, Heading, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { getServices } from '@/server/registry';
import { NewWorkshopForm } from './NewWorkshopForm';
import { WorkshopList } from './WorkshopList';

export default async function WorkshopsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/prosjekter/${id}/verksted`);
  if (!z.uuid().safeParse(id).success) notFound();
  const services = getServices();
  const [project, workshops] = await Promise.all([services.projects.get(user.id, id), services.workshops.list(user.id, id)]);
  if (!project.ok || !workshops.ok) notFound();
  const t = await getTranslations('workshop');
  const phases = project.data.phases.map((p) => ({ id: p.id, name: p.name }));
  const phaseName = new Map(phases.map((p) => [p.id, p.name]));
  // A new workshop most likely belongs to the phase running today, else the latest one.
  const today = new Date().toISOString().slice(0, 10);
  const current = project.data.phases.find((p) => p.startsOn && p.endsOn && p.startsOn <= today && today <= p.endsOn) ?? project.data.phases.at(-1);

  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Link href={`/prosjekter/${id}`} className="aksel-link inline-flex w-fit items-center gap-1">
          <ChevronLeftIcon aria-hidden />
          {project.data.project.name}
        </Link>
        <Heading level="1" size="large">
          {t('heading')}
        </Heading>
        <BodyLong className="max-w-prose">{t('lead')}</BodyLong>
      </VStack>
      {project.data.project.archivedAt === null && <NewWorkshopForm projectId={id} phases={phases} defaultPhaseId={current?.id ?? ''} />}
      <section aria-labelledby="verksteder">
        <Heading id="verksteder" level="2" size="medium" spacing>
          {t('listHeading')}
        </Heading>
        <WorkshopList
          projectId={id}
          workshops={workshops.data.map((w) => ({ ...w, phaseName: w.phaseId ? (phaseName.get(w.phaseId) ?? null) : null }))}
        />
      </section>
    </VStack>
  );
}
