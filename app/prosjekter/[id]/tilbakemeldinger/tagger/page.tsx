import { BodyShort, Box, Heading, HStack, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { SubpageHeader } from '@/components/SubpageHeader';
import { getServices } from '@/server/registry';
import { ArchiveHitCard } from '../ArchiveHitCard';

/** The tag view: the project's feedback grouped by its tags (themes and research questions). */
export default async function TagViewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/prosjekter/${id}/tilbakemeldinger/tagger`);
  if (!z.uuid().safeParse(id).success) notFound();
  const services = getServices();
  const [project, groups] = await Promise.all([services.projects.get(user.id, id), services.archiveSearch.tagView(user.id, id)]);
  if (!project.ok || !groups.ok) notFound();
  const t = await getTranslations('archiveSearch');
  const kindLabel = (kind: string) => (t.has(`kinds.${kind}` as 'kinds.note') ? t(`kinds.${kind}` as 'kinds.note') : kind);
  const tagNames = groups.data.map((g) => g.tag.name);
  const base = `/prosjekter/${id}/tilbakemeldinger`;

  return (
    <VStack gap="space-24">
      <SubpageHeader backHref={base} backLabel={t('tagView.back')} heading={t('tagView.heading')} lead={t('tagView.lead')} />
      {groups.data.length === 0 ? (
        <BodyShort>{t('tagView.none')}</BodyShort>
      ) : (
        groups.data.map(({ tag, items }) => (
          <Box as="section" key={tag.id} aria-labelledby={`tag-${tag.id}`} background="raised" borderWidth="1" borderColor="neutral-subtle" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8">
            <HStack justify="space-between" align="baseline" gap="space-8" className="mb-3">
              <Heading id={`tag-${tag.id}`} level="2" size="medium">
                {tag.name}
              </Heading>
              <HStack gap="space-16" align="baseline">
                <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('tagView.items', { count: items.length })}</BodyShort>
                <Link href={`${base}?tagg=${tag.id}`} className="text-ax-text-accent">{t('tagView.search')}</Link>
              </HStack>
            </HStack>
            <ol className="m-0 list-none space-y-3 p-0">
              {items.map((hit) => (
                <li key={hit.id}>
                  <ArchiveHitCard hit={hit} projectId={id} kindLabel={kindLabel(hit.kind)} tagNames={tagNames} />
                </li>
              ))}
            </ol>
          </Box>
        ))
      )}
    </VStack>
  );
}
