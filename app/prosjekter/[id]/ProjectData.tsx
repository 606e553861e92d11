import { DownloadIcon } from '@navikt/aksel-icons';
import { BodyLong, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { getTranslations } from 'next-intl/server';

/** Downloads of the whole project: readable JSON for members, the backup file for owners (docs/backup.md). */
export async function ProjectData({ projectId, isOwner }: { projectId: string; isOwner: boolean }) {
  const t = await getTranslations('backup');
  return (
    <section aria-labelledby="prosjektdata">
      <VStack gap="space-12">
        <Heading id="prosjektdata" level="2" size="medium">
          {t('sectionHeading')}
        </Heading>
        <BodyLong className="max-w-prose">{t('sectionIntro')}</BodyLong>
        <HStack gap="space-12">
          <Button as="a" href={`/prosjekter/${projectId}/prosjekt-json`} download variant="secondary" icon={<DownloadIcon aria-hidden />}>
            {t('downloadJson')}
          </Button>
          {isOwner && (
            <Button as="a" href={`/prosjekter/${projectId}/sikkerhetskopi`} download variant="secondary" icon={<DownloadIcon aria-hidden />}>
              {t('downloadBackup')}
            </Button>
          )}
        </HStack>
        {isOwner && (
          <BodyLong size="small" className="max-w-prose text-ax-text-neutral-subtle">
            {t('backupNote')}
          </BodyLong>
        )}
      </VStack>
    </section>
  );
}
