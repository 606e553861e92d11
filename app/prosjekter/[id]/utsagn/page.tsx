import { Alert, Heading, VStack } from '@navikt/ds-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { SubpageHeader } from '@/components/SubpageHeader';
import { getServices } from '@/server/registry';
import { NewSetForm } from './NewSetForm';
import { SetList } from './SetList';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('statementSets'))('heading') };
}

/** A project's statement sets (Q-sets): count, whether each grid fits, and a new set. */
export default async function StatementSetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/prosjekter/${id}/utsagn`);
  if (!z.uuid().safeParse(id).success) notFound();
  const services = getServices();
  const [project, sets] = await Promise.all([services.projects.get(user.id, id), services.statementSets.list(user.id, id)]);
  if (!project.ok || !sets.ok) notFound();
  const t = await getTranslations('statementSets');
  const tProject = await getTranslations('project');
  const archived = project.data.project.archivedAt !== null;

  return (
    <VStack gap="space-32">
      <SubpageHeader backHref={`/prosjekter/${id}`} backLabel={project.data.project.name} heading={t('heading')} lead={t('lead')} />
      {archived && <Alert variant="info">{tProject('archivedNotice')}</Alert>}
      <section aria-labelledby="sett">
        <Heading id="sett" level="2" size="medium" spacing>
          {t('list.heading')}
        </Heading>
        <SetList projectId={id} sets={sets.data} emptyText={t('list.none')} />
      </section>
      {!archived && <NewSetForm projectId={id} />}
    </VStack>
  );
}
