import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { archiveSources, type ArchiveSource } from '@/server/services/feedback-archive';

/** Links that narrow the page to one kind of session; the chosen one is marked current. */
export function SourceFilter({ projectId, chosen }: { projectId: string; chosen: ArchiveSource | null }) {
  const t = useTranslations('feedbackArchive.filter');
  const base = `/prosjekter/${projectId}/tilbakemeldinger`;
  const options: { key: ArchiveSource | null; href: string; label: string }[] = [
    { key: null, href: base, label: t('all') },
    ...archiveSources.map((source) => ({ key: source, href: `${base}?vis=${source}`, label: t(source) })),
  ];
  return (
    <nav aria-labelledby="filter-label" className="flex flex-wrap items-center gap-2">
      <span id="filter-label" className="mr-1 text-ax-text-neutral-subtle">
        {t('label')}
      </span>
      {options.map((o) => {
        const current = o.key === chosen;
        return (
          <Link
            key={o.key ?? 'all'}
            href={o.href}
            aria-current={current ? 'page' : undefined}
            className={`rounded-full border border-solid px-4 py-1 text-sm no-underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 ${
              current ? 'border-ax-border-accent bg-ax-bg-accent-strong text-ax-text-accent-contrast' : 'border-ax-border-neutral bg-ax-bg-raised text-ax-text-neutral hover:bg-ax-bg-neutral-moderate-hover'
            }`}
          >
            {o.label}
          </Link>
        );
      })}
    </nav>
  );
}
