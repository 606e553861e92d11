'use client';

import type { ReactNode } from 'react';
import { FitBox } from './FitBox';
import { PageLabel } from './PageLabel';
import { usePages } from './use-pages';

/**
 * A long list on the big screen: a page at a time (turning by itself, "Side 1 av 3"), each
 * page fitted to the space left, so every item is seen whole and nothing scrolls.
 */
export function PagedList<T>({ items, perPage, keyOf, render, label, columns = 2, testId }: {
  items: readonly T[];
  perPage: number;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  label: string;
  columns?: 1 | 2 | 3;
  testId?: string;
}) {
  const page = usePages(items, perPage);
  const grid = columns === 1 ? 'grid-cols-1' : columns === 2 ? 'grid-cols-2' : 'grid-cols-3';
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[0.3em]">
      <FitBox fitKey={`${page.current}:${page.items.map(keyOf).join(',')}`} className="flex-1">
        <ul className={`m-0 grid list-none gap-[0.5em] p-0 ${grid}`} aria-label={label} data-testid={testId}>
          {page.items.map((item) => <li key={keyOf(item)}>{render(item)}</li>)}
        </ul>
      </FitBox>
      <PageLabel page={page} />
    </div>
  );
}
