import { BodyLong, BodyShort, Box, HStack, Tag, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ArchiveHit } from '@/server/services/archive-search';
import { ItemTags } from './ItemTags';

/** One found item: its words, where it came from (each a link that narrows the search), and its tags. */
export function ArchiveHitCard({ hit, projectId, kindLabel, tagNames }: { hit: ArchiveHit; projectId: string; kindLabel: string; tagNames: string[] }) {
  const t = useTranslations('archiveSearch');
  const format = useFormatter();
  const base = `/prosjekter/${projectId}/tilbakemeldinger`;
  const where: { key: string; label: string; href: string | null }[] = [
    ...(hit.phase ? [{ key: 'phase', label: t('inPhase', { name: hit.phase.name }), href: `${base}?fase=${hit.phase.id}` }] : []),
    ...(hit.session ? [{ key: 'session', label: t('inSession', { title: hit.session.title }), href: `${base}?okt=${hit.session.id}` }] : []),
    ...(hit.activity ? [{ key: 'activity', label: t('inActivity', { title: hit.activity.title }), href: `${base}?aktivitet=${hit.activity.id}` }] : []),
    ...(hit.finding ? [{ key: 'finding', label: t('onFinding', { title: hit.finding.title }), href: `/prosjekter/${projectId}/funn/${hit.finding.id}` }] : []),
    ...(hit.theme ? [{ key: 'theme', label: t('inTheme', { theme: hit.theme }), href: `${base}?tema=${encodeURIComponent(hit.theme)}` }] : []),
    ...(hit.groupName ? [{ key: 'group', label: /^\d+$/.test(hit.groupName) ? t('inGroup', { group: hit.groupName }) : hit.groupName, href: null }] : []),
  ];
  return (
    <Box as="article" background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" data-testid="archive-hit">
      <VStack gap="space-8">
        <HStack gap="space-8" align="center">
          <Tag size="xsmall" variant="info">{kindLabel}</Tag>
          <Tag size="xsmall" variant="neutral">{t(`authors.${hit.authorKind as 'anonymous'}`)}</Tag>
          <BodyShort size="small" className="text-ax-text-neutral-subtle">
            {format.dateTime(hit.createdAt, { dateStyle: 'medium' })}
          </BodyShort>
        </HStack>
        <BodyLong className="whitespace-pre-line">{hit.text}</BodyLong>
        {where.length > 0 && (
          <BodyShort as="ul" size="small" className="m-0 flex list-none flex-wrap gap-x-4 gap-y-1 p-0 text-ax-text-neutral-subtle">
            {where.map((w) => (
              <li key={w.key}>{w.href ? <Link href={w.href} className="text-ax-text-neutral-subtle">{w.label}</Link> : w.label}</li>
            ))}
          </BodyShort>
        )}
        <ItemTags projectId={projectId} itemId={hit.id} tags={hit.tags} known={tagNames} />
      </VStack>
    </Box>
  );
}
