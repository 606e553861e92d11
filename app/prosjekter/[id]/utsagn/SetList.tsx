import { CheckmarkCircleIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Heading, HStack, Tag } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export interface SetListItem {
  id: string;
  name: string;
  count: number;
  gridFits: boolean;
}

/** Statement sets as cards linking to their editor; also used on the project page. */
export function SetList({ projectId, sets, emptyText }: { projectId: string; sets: SetListItem[]; emptyText: string }) {
  const t = useTranslations('statementSets');
  if (sets.length === 0) return <BodyShort>{emptyText}</BodyShort>;
  return (
    <ul className="grid list-none gap-3 p-0 md:grid-cols-2" data-testid="statement-sets">
      {sets.map((s) => (
        <li key={s.id}>
          <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="h-full">
            <Heading level="3" size="xsmall" spacing className="break-words">
              <Link href={`/prosjekter/${projectId}/utsagn/${s.id}`} className="aksel-link">
                {s.name}
              </Link>
            </Heading>
            <HStack gap="space-8" align="center">
              <BodyShort size="small">{t('count', { count: s.count })}</BodyShort>
              {s.gridFits ? (
                <Tag size="xsmall" variant="moderate" data-color="success" icon={<CheckmarkCircleIcon aria-hidden />}>
                  {t('gridFits')}
                </Tag>
              ) : (
                <Tag size="xsmall" variant="moderate" data-color="warning" icon={<ExclamationmarkTriangleIcon aria-hidden />}>
                  {t('gridMismatch')}
                </Tag>
              )}
            </HStack>
          </Box>
        </li>
      ))}
    </ul>
  );
}
