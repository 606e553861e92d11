'use client';

import { useFormatter, useTranslations } from 'next-intl';

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** A Tailwind background class for the bar. */
  colour: string;
  testId?: string;
}

/**
 * Large labelled bars for the big screen: the label, the bar, the count and its share of the
 * total, readable from the back of the room. Shares are of `total` (the answers), not of the
 * largest bar, so the percentages add up. `rows`: label, bar and number side by side, in one
 * grid for all rows (subgrid) so the bars line up; `stacked`: the label and number above a
 * full-width bar, for a narrow column.
 */
export function BarChart({ bars, total, unit, layout = 'rows' }: { bars: readonly Bar[]; total: number; unit?: (count: number) => string; layout?: 'rows' | 'stacked' }) {
  const t = useTranslations('screen');
  const format = useFormatter();
  const largest = Math.max(1, ...bars.map((b) => b.count));
  const stacked = layout === 'stacked';
  return (
    <ul className={`m-0 grid list-none gap-[0.6em] p-0 ${stacked ? 'grid-cols-1' : 'grid-cols-[fit-content(45%)_minmax(3em,1fr)_auto]'}`}>
      {bars.map((b) => {
        const share = total > 0 ? b.count / total : 0;
        const percent = format.number(share, { style: 'percent', maximumFractionDigits: 0 });
        const label = <span className="font-semibold">{b.label}</span>;
        const bar = (
          <span className="block h-[1.4em] rounded bg-ax-bg-neutral-moderate" aria-hidden>
            <span className={`block h-full rounded ${b.colour}`} style={{ width: `${(b.count / largest) * 100}%` }} />
          </span>
        );
        const number = (
          <span className="text-right tabular-nums">
            <span className="text-[1.3em] font-bold">{unit ? unit(b.count) : b.count}</span>{' '}
            <span className="text-ax-text-neutral-subtle" aria-label={t('percent', { percent })}>({percent})</span>
          </span>
        );
        return stacked ? (
          <li key={b.key} className="flex flex-col gap-[0.2em]" data-testid={b.testId}>
            <span className="flex items-baseline justify-between gap-[0.6em]">{label}{number}</span>
            {bar}
          </li>
        ) : (
          <li key={b.key} className="col-span-3 grid grid-cols-[subgrid] items-center gap-x-[0.6em]" data-testid={b.testId}>
            {label}{bar}{number}
          </li>
        );
      })}
    </ul>
  );
}
