import { Alert, BodyShort, Heading, HStack, VStack } from '@navikt/ds-react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { SubpageHeader } from '@/components/SubpageHeader';
import { templateMinutes } from '@/lib/supervision/template';
import { getServices } from '@/server/registry';
import { CopyTemplateButton } from './CopyTemplateButton';
import { GroupList } from './GroupList';
import { NewGroupForm } from './NewGroupForm';
import { TemplateList } from './TemplateList';

/** Kollegaveiledning in a project: its standing groups, starting their meetings, and its templates. */
export default async function SupervisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/prosjekter/${id}/kollegaveiledning`);
  if (!z.uuid().safeParse(id).success) notFound();
  const services = getServices();
  const project = await services.projects.get(user.id, id);
  if (!project.ok) notFound();
  // Templates first: the first call seeds the built-ins that groups choose from.
  const templates = await services.supervision.listTemplates(user.id, id);
  const groups = await services.supervision.listGroups(user.id, id);
  if (!templates.ok || !groups.ok) notFound();
  const t = await getTranslations('supervisionPrep');
  const archived = project.data.project.archivedAt !== null;
  const templateName = new Map(templates.data.map((tpl) => [tpl.id, tpl.name]));
  const standard = templates.data.find((tpl) => tpl.builtinKey === 'standard') ?? templates.data[0];

  return (
    <VStack gap="space-32">
      <SubpageHeader backHref={`/prosjekter/${id}`} backLabel={project.data.project.name} heading={t('heading')} lead={t('lead')} />
      {archived && <Alert variant="info">{t('archived')}</Alert>}

      <section aria-labelledby="grupper">
        <Heading id="grupper" level="2" size="medium" spacing>
          {t('groups.heading')}
        </Heading>
        <GroupList
          projectId={id}
          archived={archived}
          groups={groups.data.map((g) => ({ ...g, templateName: g.templateId ? (templateName.get(g.templateId) ?? null) : null }))}
        />
      </section>

      {!archived && templates.data.length > 0 && (
        <NewGroupForm projectId={id} templates={templates.data.map((tpl) => ({ id: tpl.id, name: tpl.name }))} defaultTemplateId={standard?.id ?? ''} />
      )}

      <section aria-labelledby="maler">
        <HStack justify="space-between" align="start" gap="space-12" className="mb-3">
          <div>
            <Heading id="maler" level="2" size="medium">
              {t('templates.heading')}
            </Heading>
            <BodyShort className="text-ax-text-neutral-subtle">
              {t('templates.help')} {!archived && t('templates.newHelp')}
            </BodyShort>
          </div>
          {!archived && standard && <CopyTemplateButton projectId={id} templateId={standard.id} templateName={standard.name} variant="new" />}
        </HStack>
        <TemplateList
          projectId={id}
          archived={archived}
          templates={templates.data.map((tpl) => ({
            id: tpl.id,
            name: tpl.name,
            description: tpl.description,
            rounds: tpl.rounds.length,
            minutes: templateMinutes(tpl),
            allowSkip: tpl.allowSkip,
          }))}
        />
      </section>
    </VStack>
  );
}
