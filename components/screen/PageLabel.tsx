'use client';

import { useTranslations } from 'next-intl';

/**
 * "Side 1 av 3" under a paged list; nothing when everything fits on one page. `data-held`
 * says whether the pages are stepped by hand (they no longer turn by themselves).
 */
export function PageLabel({ page }: { page: { current: number; total: number; held: boolean } }) {
  const t = useTranslations('screen');
  if (page.total <= 1) return null;
  return (
    <p className="m-0 text-[0.8em] font-semibold text-ax-text-neutral-subtle" data-testid="screen-page" data-held={page.held}>
      {t('page', { current: page.current, total: page.total })}
    </p>
  );
}
