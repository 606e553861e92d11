import { Heading, VStack } from '@navikt/ds-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SubpageHeader } from '@/components/SubpageHeader';
import { phaseRunningOn, todayIso } from '@/lib/phases';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { getServices } from '@/server/registry';
import { AddFindings } from './AddFindings';
import { FindingLibrary } from './FindingLibrary';
import { viewOf } from './finding-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('findings.library'))('heading') };
}

/** The findings library of a project: order, edit, add and import preliminary findings. */
export default async function FindingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/prosjekter/${id}/funn`);
  if (!z.uuid().safeParse(id).success) notFound();
  const services = getServices();
  const [project, list] = await Promise.all([services.projects.get(user.id, id), services.findings.list(user.id, id)]);
  if (!project.ok || !list.ok) notFound();
  const t = await getTranslations('findings.library');
  const phases = project.data.phases.map((p) => ({ id: p.id, name: p.name }));
  const findings = list.data.map(viewOf);
  // New findings most likely belong to the phase running today, else to none.
  const current = phaseRunningOn(project.data.phases, todayIso());

  return (
    <VStack gap="space-32">
      <SubpageHeader backHref={`/prosjekter/${id}`} backLabel={project.data.project.name} heading={t('heading')} lead={t('lead')} />
      <section aria-labelledby="bibliotek">
        <Heading id="bibliotek" level="2" size="medium" spacing>
          {t('listHeading', { count: findings.length })}
        </Heading>
        <FindingLibrary projectId={id} findings={findings} phases={phases} />
      </section>
      {project.data.project.archivedAt === null && <AddFindings projectId={id} phases={phases} defaultPhaseId={current?.id ?? ''} />}
    </VStack>
  );
}
