'use client';

import { useTranslations } from 'next-intl';
import { useNow } from './use-now';
import { remainingMs, type Timer } from '@/lib/workshop/timer';

const format = (ms: number) => {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/** Counts down to the server's `endsAt`, corrected by the clock offset; paused timers stand. */
export function Countdown({ timer, clockOffset, size = 'medium' }: { timer: Timer | null; clockOffset: number; size?: 'medium' | 'huge' }) {
  const t = useTranslations('live');
  const now = useNow(250);
  if (!timer) return null;
  const left = remainingMs(timer, now + clockOffset);
  const paused = timer.remainingMs !== null;
  const classes = size === 'huge' ? 'text-7xl font-bold tabular-nums' : 'text-3xl font-semibold tabular-nums';
  return (
    <div role="timer" aria-label={t('timeLeft')} className="flex items-baseline gap-2" data-testid="countdown">
      <span className={`${classes} ${left === 0 ? 'text-ax-text-danger' : ''} ${paused ? 'opacity-60' : ''}`}>{format(left)}</span>
      {left === 0 && <span className="font-semibold text-ax-text-danger">{t('timeUp')}</span>}
    </div>
  );
}
