import { BodyLong, BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getServices } from '@/server/registry';
import { requireUser } from '../../_lib/auth';
import { ArchiveButton } from './ArchiveButton';
import { ConsentHistory } from './ConsentHistory';
import { DeleteProject } from './DeleteProject';
import { ReportDownloads } from '@/components/reports/ReportDownloads';
import { LiveSessions } from './LiveSessions';
import { Members } from './Members';
import { Phases } from './Phases';
import { ProjectData } from './ProjectData';
import { ProjectDetails } from './ProjectDetails';
import { GroupList } from './kollegaveiledning/GroupList';
import { SetList } from './utsagn/SetList';
import { WorkshopList } from './verksted/WorkshopList';

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/prosjekter/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const result = await getServices().projects.get(user.id, id);
  if (!result.ok) notFound();
  const { project, role, phases, members, findings, sessions } = result.data;
  const [workshops, groups, templates, statementSets, consentHistory] = await Promise.all([
    getServices().workshops.list(user.id, id),
    getServices().supervision.listGroups(user.id, id),
    getServices().supervision.listTemplates(user.id, id),
    getServices().statementSets.list(user.id, id),
    getServices().projects.consentHistory(user.id, id),
  ]);
  const templateName = new Map((templates.ok ? templates.data : []).map((tpl) => [tpl.id, tpl.name]));
  const t = await getTranslations('project');
  const tWorkshop = await getTranslations('workshop');
  const tFindings = await getTranslations('findings');
  const tSupervision = await getTranslations('supervisionPrep');
  const tFeedback = await getTranslations('feedbackArchive');
  const tArchive = await getTranslations('archiveSearch');
  const tQsort = await getTranslations('statementSets');
  const archived = project.archivedAt !== null;

  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <HStack gap="space-12" align="center" justify="space-between">
          <Heading level="1" size="large">
            {project.name}
          </Heading>
          {role === 'owner' && <ArchiveButton projectId={project.id} archived={archived} />}
        </HStack>
        {archived && (
          <div>
            <Tag variant="warning">{t('archivedNotice')}</Tag>
          </div>
        )}
      </VStack>

      <LiveSessions
        projectId={project.id}
        disabled={archived}
        sessions={sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }))}
      />

      <section aria-labelledby="utviklingsverksteder">
        <HStack gap="space-12" align="center" justify="space-between" className="mb-3">
          <Heading id="utviklingsverksteder" level="2" size="medium">
            {tWorkshop('projectSection')}
          </Heading>
          <Link href={`/prosjekter/${project.id}/verksted`} className="aksel-link">
            {tWorkshop('newAndAll')}
          </Link>
        </HStack>
        <WorkshopList
          projectId={project.id}
          workshops={(workshops.ok ? workshops.data : []).map((w) => ({ ...w, phaseName: phases.find((p) => p.id === w.phaseId)?.name ?? null }))}
        />
      </section>

      <section aria-labelledby="kollegaveiledning">
        <HStack gap="space-12" align="center" justify="space-between" className="mb-3">
          <Heading id="kollegaveiledning" level="2" size="medium">
            {tSupervision('projectSection')}
          </Heading>
          <HStack gap="space-16">
            <Link href={`/prosjekter/${project.id}/kollegaveiledning`} className="aksel-link">
              {tSupervision('projectLink')}
            </Link>
            <Link href={`/prosjekter/${project.id}/tilbakemeldinger`} className="aksel-link">
              {tFeedback('projectLink')}
            </Link>
            <Link href={`/prosjekter/${project.id}/tidslinje`} className="aksel-link">
              {tArchive('timelineLink')}
            </Link>
          </HStack>
        </HStack>
        <GroupList
          projectId={project.id}
          archived={archived}
          emptyText={tSupervision('projectNone')}
          groups={(groups.ok ? groups.data : []).map((g) => ({ ...g, templateName: g.templateId ? (templateName.get(g.templateId) ?? null) : null }))}
        />
      </section>

      <ReportDownloads projectId={project.id} />

      <ProjectDetails
        projectId={project.id}
        initial={{
          name: project.name,
          description: project.description,
          ethicsReference: project.ethicsReference,
          consentText: project.consentText,
          retainFreeTextUntil: project.retainFreeTextUntil ?? '',
        }}
      />
      <ConsentHistory history={consentHistory.ok ? consentHistory.data : []} />

      <Phases projectId={project.id} phases={phases} />

      <section aria-labelledby="funn">
        <HStack gap="space-12" align="center" justify="space-between" className="mb-3">
          <Heading id="funn" level="2" size="medium">
            {t('findings')}
          </Heading>
          <Link href={`/prosjekter/${project.id}/funn`} className="aksel-link">
            {tFindings('projectLink')}
          </Link>
        </HStack>
        {findings.length === 0 ? (
          <BodyShort>{t('noFindings')}</BodyShort>
        ) : (
          <ol className="grid list-none gap-3 p-0 md:grid-cols-2">
            {findings.map((f) => (
              <li key={f.id}>
                <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="h-full">
                  <HStack gap="space-8" align="start" justify="space-between" wrap={false}>
                    <Heading level="3" size="xsmall" spacing>
                      <Link href={`/prosjekter/${project.id}/funn/${f.id}`} className="aksel-link">
                        {f.title}
                      </Link>
                    </Heading>
                    <Tag size="xsmall" variant={f.status === 'forelopig' ? 'neutral' : 'success'}>
                      {t(`status.${f.status}`)}
                    </Tag>
                  </HStack>
                  <BodyShort size="small" className="text-ax-text-neutral-subtle" spacing>
                    {f.theme}
                  </BodyShort>
                  <BodyLong size="small">{f.summary}</BodyLong>
                </Box>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="utsagnssett">
        <HStack gap="space-12" align="center" justify="space-between" className="mb-3">
          <Heading id="utsagnssett" level="2" size="medium">
            {t('statementSets')}
          </Heading>
          <Link href={`/prosjekter/${project.id}/utsagn`} className="aksel-link">
            {tQsort('projectLink')}
          </Link>
        </HStack>
        <SetList projectId={project.id} sets={statementSets.ok ? statementSets.data : []} emptyText={tQsort('projectNone')} />
      </section>

      <Members projectId={project.id} isOwner={role === 'owner'} currentUserId={user.id} members={members} />

      <ProjectData projectId={project.id} isOwner={role === 'owner'} />

      {role === 'owner' && <DeleteProject projectId={project.id} name={project.name} />}
    </VStack>
  );
}
