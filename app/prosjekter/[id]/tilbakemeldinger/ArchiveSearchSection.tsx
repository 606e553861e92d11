import { BodyShort, Box, Heading, VStack } from '@navikt/ds-react';
import { getTranslations } from 'next-intl/server';
import { ARCHIVE_SEARCH_LIMIT, isActiveFilter, type ArchiveFilter } from '@/lib/archive/search-query';
import { getServices } from '@/server/registry';
import { ArchiveHitCard } from './ArchiveHitCard';
import { ArchiveSearchForm } from './ArchiveSearchForm';

/** The top of Tilbakemeldinger: the search form and, once anything is asked, the items found. */
export async function ArchiveSearchSection({ userId, projectId, filter }: { userId: string; projectId: string; filter: ArchiveFilter }) {
  const services = getServices();
  const active = isActiveFilter(filter);
  const [facets, found] = await Promise.all([services.archiveSearch.facets(userId, projectId), active ? services.archiveSearch.search(userId, projectId, filter) : null]);
  if (!facets.ok) return null;
  const t = await getTranslations('archiveSearch');
  const kindLabel = (kind: string) => (t.has(`kinds.${kind}` as 'kinds.note') ? t(`kinds.${kind}` as 'kinds.note') : kind);
  const tagNames = facets.data.tags.map((tag) => tag.name);
  return (
    <Box as="section" aria-labelledby="archive-search-heading" background="raised" borderWidth="1" borderColor="neutral-subtle" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8">
      <VStack gap="space-16">
        <div>
          <Heading id="archive-search-heading" level="2" size="medium" spacing>
            {t('heading')}
          </Heading>
          <BodyShort className="max-w-prose text-ax-text-neutral-subtle">{t('lead')}</BodyShort>
        </div>
        <ArchiveSearchForm projectId={projectId} filter={filter} facets={facets.data} kindLabel={kindLabel} />
        {found?.ok && (
          <section aria-labelledby="archive-results-heading">
            <Heading id="archive-results-heading" level="3" size="small" spacing aria-live="polite">
              {t('results', { count: found.data.hits.length })}
            </Heading>
            {found.data.hits.length === 0 ? (
              <BodyShort>{t('noResults')}</BodyShort>
            ) : (
              <ol className="m-0 list-none space-y-3 p-0">
                {found.data.hits.map((hit) => (
                  <li key={hit.id}>
                    <ArchiveHitCard hit={hit} projectId={projectId} kindLabel={kindLabel(hit.kind)} tagNames={tagNames} />
                  </li>
                ))}
              </ol>
            )}
            {found.data.truncated && <BodyShort className="mt-3">{t('truncated', { limit: ARCHIVE_SEARCH_LIMIT })}</BodyShort>}
          </section>
        )}
      </VStack>
    </Box>
  );
}
