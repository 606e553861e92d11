import { BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FirstUseGuide } from '@/components/FirstUseGuide';
import { demoProject } from '@/server/demo/demo-data';
import { getServices } from '@/server/registry';
import { requireUser } from '../_lib/auth';
import { NewProject } from './NewProject';
import { RestoreProject } from './RestoreProject';

export async function generateMetadata() {
  return { title: (await getTranslations('projects'))('heading') };
}

export default async function ProjectsPage() {
  const user = await requireUser('/prosjekter');
  const t = await getTranslations('projects');
  const services = getServices();
  const projects = await services.projects.listForUser(user.id);
  // A newcomer is guided through the demo workshop until any of their projects has run a session.
  const demo = projects.find((p) => p.name === demoProject.name && !p.archivedAt) ?? null;
  const guide = demo && !(await services.live.anyRunFor(user.id));
  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="center" gap="space-16">
        <Heading level="1" size="large">
          {t('heading')}
        </Heading>
      </HStack>
      {guide && <FirstUseGuide demo={demo} />}
      <HStack gap="space-12" align="start" wrap>
        <NewProject />
        <RestoreProject />
      </HStack>
      {projects.length === 0 ? (
        <BodyShort>{t('empty')}</BodyShort>
      ) : (
        <ul className="grid list-none gap-4 p-0 sm:grid-cols-2">
          {projects.map((p) => (
            <li key={p.id}>
              <Box
                asChild
                background="raised"
                padding="space-20"
                borderRadius="8"
                borderWidth="1"
                borderColor="neutral-subtle"
              >
                <Link href={`/prosjekter/${p.id}`} className="block h-full text-inherit no-underline hover:shadow-md focus-visible:outline focus-visible:outline-2">
                  <HStack gap="space-8" align="center" className="mb-2">
                    <Heading level="2" size="small" className="underline">
                      {p.name}
                    </Heading>
                    <Tag size="small" variant={p.role === 'owner' ? 'info' : 'neutral'}>
                      {p.role === 'owner' ? t('roleOwner') : t('roleFacilitator')}
                    </Tag>
                    {p.archivedAt && (
                      <Tag size="small" variant="warning">
                        {t('archived')}
                      </Tag>
                    )}
                  </HStack>
                  <BodyShort className="line-clamp-3">{p.description}</BodyShort>
                </Link>
              </Box>
            </li>
          ))}
        </ul>
      )}
    </VStack>
  );
}
