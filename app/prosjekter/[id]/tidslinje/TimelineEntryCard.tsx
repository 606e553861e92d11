import { BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { TimelineEntry } from '@/lib/archive/timeline';
import { EvaluationBars } from './EvaluationBars';

const tagVariant = { workshop: 'info', kollegaveiledning: 'success', qsort: 'alt1', session: 'neutral' } as const;

/** One workshop or session on the timeline: when, what it left (each count a link into the search) and its evaluation. */
export function TimelineEntryCard({ entry, projectId, kindLabel }: { entry: TimelineEntry; projectId: string; kindLabel: (kind: string) => string }) {
  const t = useTranslations('archiveSearch.timeline');
  const format = useFormatter();
  const search = `/prosjekter/${projectId}/tilbakemeldinger`;
  const produced = Object.entries(entry.produced).sort(([a], [b]) => a.localeCompare(b));
  const planned = entry.type === 'workshop' && entry.sessions.length === 0;
  // A workshop run once links its items by that session; one run several times, by each.
  const sessionLinks = entry.sessions.map((s) => `${search}?okt=${s.id}`);
  return (
    <Box as="article" aria-label={entry.title} background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" data-testid="timeline-entry">
      <VStack gap="space-12">
        <HStack gap="space-8" align="center" justify="space-between">
          <HStack gap="space-8" align="center">
            <Tag size="xsmall" variant={tagVariant[entry.type]}>{t(`types.${entry.type}`)}</Tag>
            <Heading level="3" size="small">{entry.title}</Heading>
          </HStack>
          <BodyShort size="small" className="text-ax-text-neutral-subtle">
            {entry.date ? format.dateTime(new Date(`${entry.date}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : t('undated')}
          </BodyShort>
        </HStack>
        {planned ? (
          <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('planned')}</BodyShort>
        ) : produced.length === 0 ? (
          <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('nothing')}</BodyShort>
        ) : (
          <HStack gap="space-8" as="ul" className="m-0 list-none p-0">
            {produced.map(([kind, count]) => (
              <li key={kind}>
                <Tag size="small" variant="neutral-moderate">{`${kindLabel(kind)}: ${count}`}</Tag>
              </li>
            ))}
          </HStack>
        )}
        {sessionLinks.length > 0 && produced.length > 0 && (
          <HStack gap="space-16">
            {sessionLinks.map((href, i) => (
              <Link key={href} href={href} className="aksel-link text-sm">
                {sessionLinks.length > 1 ? `${t('showItems')} (${i + 1})` : t('showItems')}
              </Link>
            ))}
          </HStack>
        )}
        {entry.evaluation.length > 0 && (
          <section aria-label={t('evaluation')}>
            <Heading level="4" size="xsmall" spacing>{t('evaluation')}</Heading>
            <EvaluationBars evaluation={entry.evaluation} />
          </section>
        )}
      </VStack>
    </Box>
  );
}
