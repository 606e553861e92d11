'use client';

import { useTranslations } from 'next-intl';
import { gridColumns, type Grid } from '@/lib/qsort/grid';

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/**
 * A factor array drawn as the filled grid: each statement's number in the column of its
 * value, like the report's matrix. Highlighted statements (distinguishing) stand out.
 */
export function FactorArrayGrid({ grid, array, texts, highlight = [], large = false, label }: {
  grid: Grid;
  array: Record<string, number>;
  texts: Record<string, string>;
  highlight?: string[];
  large?: boolean;
  label: string;
}) {
  const t = useTranslations('qsort');
  const columns = gridColumns(grid);
  const byColumn = columns.map((c) => Object.keys(array).filter((id) => array[id] === c.value).sort((a, b) => Number(a) - Number(b)));
  const tallest = Math.max(...columns.map((c) => c.count));
  return (
    <figure className="m-0" aria-label={label} data-testid="factor-array">
      <div className="grid items-end gap-1" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
        {columns.map((c, i) => (
          <div key={c.value} className="flex flex-col-reverse gap-1" style={{ minHeight: `${tallest * (large ? 3.25 : 2)}rem` }}>
            {byColumn[i]!.map((id) => (
              <span key={id} title={`${id}: ${texts[id] ?? ''}`}
                className={`rounded border border-solid text-center font-semibold ${large ? 'py-1.5 text-2xl' : 'py-0.5 text-sm'} ${highlight.includes(id) ? 'border-ax-border-accent-strong bg-ax-bg-accent-strong text-ax-text-accent-contrast' : 'border-ax-border-neutral-subtle bg-ax-bg-raised'}`}>
                {id}
              </span>
            ))}
          </div>
        ))}
        {columns.map((c) => (
          <span key={`v${c.value}`} className={`text-center font-bold ${large ? 'text-2xl' : 'text-sm'}`}>{signed(c.value)}</span>
        ))}
      </div>
      <figcaption className="sr-only">{t('console.arrays')}</figcaption>
    </figure>
  );
}
