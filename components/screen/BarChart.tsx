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
 * largest bar, so the percentages add up.
 */
export function BarChart({ bars, total, unit }: { bars: readonly Bar[]; total: number; unit?: (count: number) => string }) {
  const t = useTranslations('screen');
  const format = useFormatter();
  const largest = Math.max(1, ...bars.map((b) => b.count));
  return (
    <ul className="m-0 grid list-none gap-[0.6em] p-0">
      {bars.map((b) => {
        const share = total > 0 ? b.count / total : 0;
        const percent = format.number(share, { style: 'percent', maximumFractionDigits: 0 });
        return (
          <li key={b.key} className="grid grid-cols-[fit-content(45%)_minmax(3em,1fr)_auto] items-center gap-x-[0.6em]" data-testid={b.testId}>
            <span className="font-semibold">{b.label}</span>
            <span className="h-[1.4em] rounded bg-ax-bg-neutral-moderate" aria-hidden>
              <span className={`block h-full rounded ${b.colour}`} style={{ width: `${(b.count / largest) * 100}%` }} />
            </span>
            <span className="text-right tabular-nums">
              <span className="text-[1.3em] font-bold">{unit ? unit(b.count) : b.count}</span>{' '}
              <span className="text-ax-text-neutral-subtle" aria-label={t('percent', { percent })}>({percent})</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
