import { ChevronLeftIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Heading, HStack, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { templateContentSchema } from '@/lib/supervision/template';
import { getServices } from '@/server/registry';
import { TemplateEditor } from './TemplateEditor';

/** The template editor: a project's own copy of a kollegaveiledning template, round by round. */
export default async function TemplateEditorPage({ params }: { params: Promise<{ id: string; templateId: string }> }) {
  const { id, templateId } = await params;
  const user = await requireUser(`/prosjekter/${id}/kollegaveiledning/maler/${templateId}`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(templateId).success) notFound();
  const services = getServices();
  const [project, template] = await Promise.all([services.projects.get(user.id, id), services.supervision.getTemplate(user.id, templateId)]);
  if (!project.ok || !template.ok || template.data.projectId !== id) notFound();
  const content = templateContentSchema.safeParse(template.data);
  if (!content.success) notFound();
  const t = await getTranslations('supervisionPrep');
  const archived = project.data.project.archivedAt !== null;

  return (
    <VStack gap="space-24" className="mx-auto w-full max-w-3xl">
      <nav aria-label={t('editor.breadcrumb')}>
        <HStack gap="space-8" align="center" className="text-sm">
          <Link href={`/prosjekter/${id}`} className="aksel-link inline-flex items-center gap-1">
            <ChevronLeftIcon aria-hidden />
            {project.data.project.name}
          </Link>
          <span aria-hidden>/</span>
          <Link href={`/prosjekter/${id}/kollegaveiledning`} className="aksel-link">
            {t('editor.back')}
          </Link>
        </HStack>
      </nav>
      <VStack gap="space-8">
        <Heading level="1" size="large" className="break-words">
          {template.data.name}
        </Heading>
        <BodyLong className="max-w-prose">{t('editor.lead')}</BodyLong>
      </VStack>
      {archived && <Alert variant="info">{t('archived')}</Alert>}
      <TemplateEditor projectId={id} templateId={templateId} initial={content.data} readOnly={archived} />
    </VStack>
  );
}
