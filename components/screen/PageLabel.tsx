'use client';

import { useTranslations } from 'next-intl';

/** "Side 1 av 3" under a paged list; nothing when everything fits on one page. */
export function PageLabel({ current, total }: { current: number; total: number }) {
  const t = useTranslations('screen');
  if (total <= 1) return null;
  return (
    <p className="m-0 text-[0.8em] font-semibold text-ax-text-neutral-subtle" data-testid="screen-page">
      {t('page', { current, total })}
    </p>
  );
}
