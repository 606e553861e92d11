'use client';

import { PauseIcon } from '@navikt/aksel-icons';
import { useTranslations } from 'next-intl';
import { useNow } from './use-now';
import { remainingMs, type Timer } from '@/lib/workshop/timer';

const format = (ms: number) => {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/**
 * Counts down to the server's `endsAt`, corrected by the clock offset. A paused timer says so in
 * words (not only by fading), and says when the time is up.
 */
export function Countdown({ timer, clockOffset, size = 'medium' }: { timer: Timer | null; clockOffset: number; size?: 'medium' | 'huge' | 'screen' }) {
  const t = useTranslations('live');
  const tTimer = useTranslations('timer');
  const now = useNow(250);
  if (!timer) return null;
  const left = remainingMs(timer, now + clockOffset);
  const paused = timer.remainingMs !== null;
  const up = left === 0 && !paused;
  // On the big screen every size is in em of the screen's scale (components/screen/screen.css),
  // and the line never wraps: the header's height is fixed.
  const onScreen = size === 'screen';
  const classes = onScreen ? 'text-[2.2em] leading-[1.45] font-bold tabular-nums' : size === 'huge' ? 'text-7xl leading-[1.45] font-bold tabular-nums' : 'text-3xl font-semibold tabular-nums';
  const noteSize = onScreen ? 'text-[1em]' : size === 'huge' ? 'text-3xl' : '';
  return (
    <div className={`flex items-baseline ${onScreen ? 'flex-nowrap gap-x-[0.5em]' : 'flex-wrap gap-x-3 gap-y-1'}`} data-testid="countdown">
      <span role="timer" aria-label={t('timeLeft')} className={`${classes} ${up ? 'text-ax-text-danger' : ''} ${paused ? 'text-ax-text-neutral-subtle' : ''}`}>
        {format(left)}
      </span>
      {paused && (
        <span className={`inline-flex items-center gap-1 font-semibold text-ax-text-warning ${noteSize}`} data-testid="countdown-paused">
          <PauseIcon aria-hidden />
          {tTimer('paused')}
        </span>
      )}
      {/* Read out by the page's one live region (components/live/Announcer.tsx), not from here: a page can show several countdowns. */}
      {up && <span className={`font-semibold text-ax-text-danger ${noteSize}`}>{t('timeUp')}</span>}
    </div>
  );
}
