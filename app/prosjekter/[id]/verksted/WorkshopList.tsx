import { CalendarIcon, ChevronRightIcon, LocationPinIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, HStack, Tag } from '@navikt/ds-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { dayOf } from './activity-kinds';

export interface WorkshopListItem {
  id: string;
  title: string;
  date: string | null;
  place: string;
  activityCount: number;
  phaseName: string | null;
}

/** The project's workshops as cards linking to the agenda editor; used on the project page too. */
export function WorkshopList({ projectId, workshops }: { projectId: string; workshops: WorkshopListItem[] }) {
  const t = useTranslations('workshop');
  const format = useFormatter();
  if (workshops.length === 0) return <BodyShort>{t('none')}</BodyShort>;
  return (
    <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
      {workshops.map((w) => (
        <li key={w.id}>
          <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="relative h-full hover:shadow-md">
            <HStack justify="space-between" align="start" gap="space-8" wrap={false}>
              <Link href={`/prosjekter/${projectId}/verksted/${w.id}`} className="aksel-link font-semibold after:absolute after:inset-0">
                {w.title}
              </Link>
              <ChevronRightIcon aria-hidden className="shrink-0 text-2xl text-ax-text-neutral-subtle" />
            </HStack>
            <HStack gap="space-16" className="mt-2" align="center">
              <BodyShort size="small" className="flex items-center gap-1 text-ax-text-neutral-subtle">
                <CalendarIcon aria-hidden />
                {w.date ? format.dateTime(dayOf(w.date), { dateStyle: 'long', timeZone: 'UTC' }) : t('noDate')}
              </BodyShort>
              <BodyShort size="small" className="flex items-center gap-1 text-ax-text-neutral-subtle">
                <LocationPinIcon aria-hidden />
                {w.place || t('noPlace')}
              </BodyShort>
            </HStack>
            <HStack gap="space-8" className="mt-3">
              <Tag size="small" variant="moderate" data-color="info">
                {t('activityCount', { count: w.activityCount })}
              </Tag>
              {w.phaseName && (
                <Tag size="small" variant="outline">
                  {w.phaseName}
                </Tag>
              )}
            </HStack>
          </Box>
        </li>
      ))}
    </ul>
  );
}
