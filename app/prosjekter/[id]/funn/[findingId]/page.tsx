import { ChevronLeftIcon } from '@navikt/aksel-icons';
import { Heading, HStack, Label, VStack } from '@navikt/ds-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { getServices } from '@/server/registry';
import { viewOf } from '../finding-view';
import { StatusTag } from '../StatusTag';
import { Evidence } from './Evidence';
import { FindingChanges } from './FindingChanges';
import { FindingContent } from './FindingContent';
import { StatusForm } from './StatusForm';
import { StatusHistory } from './StatusHistory';

type Params = { params: Promise<{ id: string; findingId: string }> };

async function load(userId: string, id: string, findingId: string) {
  const services = getServices();
  const [project, finding, evidence, history] = await Promise.all([
    services.projects.get(userId, id),
    services.findings.get(userId, id, findingId),
    services.findings.evidence(userId, id, findingId),
    services.findings.history(userId, id, findingId),
  ]);
  if (!project.ok || !finding.ok || !evidence.ok || !history.ok) notFound();
  return { project: project.data, finding: finding.data, evidence: evidence.data, history: history.data };
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('findings.detail'))('metaTitle') };
}

/** One finding: its content, what the workshops said about it, and how its status moved. */
export default async function FindingPage({ params }: Params) {
  const { id, findingId } = await params;
  const user = await requireUser(`/prosjekter/${id}/funn/${findingId}`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(findingId).success) notFound();
  const { project, finding, evidence, history } = await load(user.id, id, findingId);
  const t = await getTranslations('findings.detail');
  const phases = project.phases.map((p) => ({ id: p.id, name: p.name }));

  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <Link href={`/prosjekter/${id}/funn`} className="aksel-link inline-flex w-fit items-center gap-1">
          <ChevronLeftIcon aria-hidden />
          {t('back')}
        </Link>
        <Label as="p" size="small" className="text-ax-text-neutral-subtle">
          {project.project.name}
        </Label>
        <HStack gap="space-12" align="center">
          <Heading level="1" size="large">{finding.title}</Heading>
          <span data-testid="finding-status"><StatusTag status={finding.status} size="medium" /></span>
        </HStack>
      </VStack>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <VStack gap="space-24">
          <FindingContent projectId={id} finding={viewOf(finding)} phases={phases} />
          <Evidence evidence={evidence} projectId={id} />
          <FindingChanges sources={evidence.sources} history={history} />
        </VStack>
        <VStack gap="space-24">
          <StatusForm projectId={id} findingId={findingId} current={finding.status} />
          <StatusHistory changes={history} />
        </VStack>
      </div>
    </VStack>
  );
}
