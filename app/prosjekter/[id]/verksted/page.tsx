import { Heading, VStack } from '@navikt/ds-react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SubpageHeader } from '@/components/SubpageHeader';
import { phaseRunningOn, todayIso } from '@/lib/phases';
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
  const current = phaseRunningOn(project.data.phases, todayIso()) ?? project.data.phases.at(-1);

  return (
    <VStack gap="space-32">
      <SubpageHeader backHref={`/prosjekter/${id}`} backLabel={project.data.project.name} heading={t('heading')} lead={t('lead')} />
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
