import { DownloadIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { getTranslations } from 'next-intl/server';

const formats = ['docx', 'pdf', 'xlsx', 'csv'] as const;
const labelKey = { docx: 'word', pdf: 'pdf', xlsx: 'xlsx', csv: 'csv' } as const;

/** Where a report is for: the whole project, one workshop (all its runs) or one session. */
export type ReportScope = { workshopId?: string; sessionId?: string };

/** Download links for a report in Word and PDF and its raw data, for a project, workshop or session. */
export async function ReportDownloads({ projectId, scope = {} }: { projectId: string; scope?: ReportScope }) {
  const t = await getTranslations('reports.download');
  const href = (format: string) => {
    const q = new URLSearchParams({ format });
    if (scope.workshopId) q.set('verksted', scope.workshopId);
    if (scope.sessionId) q.set('okt', scope.sessionId);
    return `/prosjekter/${projectId}/rapport?${q.toString()}`;
  };
  return (
    <Box as="section" aria-labelledby={`report-${projectId}`} padding="space-20" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" background="raised">
      <VStack gap="space-8">
        <Heading id={`report-${projectId}`} level="2" size="small">
          {t('heading')}
        </Heading>
        <BodyShort size="small">{t('lead')}</BodyShort>
        <HStack gap="space-8">
          {formats.map((format) => (
            <Button key={format} as="a" href={href(format)} download size="small" variant={format === 'docx' ? 'primary' : 'secondary'} icon={<DownloadIcon aria-hidden />} aria-label={t('label', { format: t(labelKey[format]) })}>
              {t(labelKey[format])}
            </Button>
          ))}
        </HStack>
      </VStack>
    </Box>
  );
}
