import { MagnifyingGlassIcon, TagIcon, TimerIcon } from '@navikt/aksel-icons';
import { Button, HGrid, HStack, Select, TextField } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { archiveAuthorKinds, type ArchiveFilter } from '@/lib/archive/search-query';
import type { ArchiveFacets } from '@/server/services/archive-search';

/**
 * The archive's filters as a plain GET form: submitting it puts every filter in the address,
 * so a search is a link (and works before any script has loaded).
 */
export function ArchiveSearchForm({ projectId, filter, facets, kindLabel }: { projectId: string; filter: ArchiveFilter; facets: ArchiveFacets; kindLabel: (kind: string) => string }) {
  const t = useTranslations('archiveSearch');
  const base = `/prosjekter/${projectId}/tilbakemeldinger`;
  const any = <option value="">{t('any')}</option>;
  return (
    <form method="get" action={base} role="search" aria-label={t('heading')}>
      <div className="space-y-4">
        <HStack gap="space-8" align="end" wrap={false}>
          <TextField className="grow" name="sok" label={t('query')} defaultValue={filter.query} autoComplete="off" />
          <Button type="submit" icon={<MagnifyingGlassIcon aria-hidden />}>
            {t('submit')}
          </Button>
        </HStack>
        <HGrid gap="space-12" columns={{ xs: 1, sm: 2, md: 4 }}>
          <Select size="small" name="fase" label={t('phase')} defaultValue={filter.phaseId ?? ''}>
            {any}
            {facets.phases.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
          <Select size="small" name="okt" label={t('session')} defaultValue={filter.sessionId ?? ''}>
            {any}
            {facets.sessions.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </Select>
          <Select size="small" name="aktivitet" label={t('activity')} defaultValue={filter.activityId ?? ''}>
            {any}
            {facets.activities.map((a) => <option key={a.id} value={a.id}>{`${a.workshopTitle} – ${a.title}`}</option>)}
          </Select>
          <Select size="small" name="funn" label={t('finding')} defaultValue={filter.findingId ?? ''}>
            {any}
            {facets.findings.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
          </Select>
          <Select size="small" name="tema" label={t('theme')} defaultValue={filter.theme ?? ''}>
            {any}
            {facets.themes.map((theme) => <option key={theme} value={theme}>{theme}</option>)}
          </Select>
          <Select size="small" name="type" label={t('kind')} defaultValue={filter.kind ?? ''}>
            {any}
            {facets.kinds.map((kind) => <option key={kind} value={kind}>{kindLabel(kind)}</option>)}
          </Select>
          <Select size="small" name="forfatter" label={t('author')} defaultValue={filter.authorKind ?? ''}>
            {any}
            {archiveAuthorKinds.map((a) => <option key={a} value={a}>{t(`authors.${a}`)}</option>)}
          </Select>
          <Select size="small" name="tagg" label={t('tag')} defaultValue={filter.tagId ?? ''}>
            {any}
            {facets.tags.map((tag) => <option key={tag.id} value={tag.id}>{tag.name}</option>)}
          </Select>
        </HGrid>
        <HStack gap="space-16" align="center">
          <Link href={base} className="text-ax-text-accent">
            {t('reset')}
          </Link>
          <Link href={`${base}/tagger`} className="inline-flex items-center gap-1 text-ax-text-accent">
            <TagIcon aria-hidden />
            {t('tagViewLink', { count: facets.tags.length })}
          </Link>
          <Link href={`/prosjekter/${projectId}/tidslinje`} className="inline-flex items-center gap-1 text-ax-text-accent">
            <TimerIcon aria-hidden />
            {t('timelineLink')}
          </Link>
        </HStack>
      </div>
    </form>
  );
}
