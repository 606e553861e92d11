'use client';

import { Countdown } from '@/components/workshop/Countdown';
import type { Timer } from '@/lib/workshop/timer';
import { ConnectionBanner } from './ConnectionBanner';
import type { ConnectionStatus } from './use-live-session';

/**
 * What a phone must never scroll away from: the time left and whether it is connected at all.
 * It sticks to the top of the screen while the step's content scrolls under it, and takes no
 * room when there is neither a timer nor a problem.
 */
export function PhoneStatusBar({ status, timer, clockOffset }: { status: ConnectionStatus; timer: Timer | null; clockOffset: number }) {
  const lost = status === 'reconnecting' || status === 'offline';
  if (!lost && !timer) return null;
  return (
    <div className="sticky top-0 z-20 -mx-4 flex flex-col gap-2 border-b border-ax-border-neutral-subtle bg-ax-bg-default px-4 py-2 shadow-sm sm:mx-0 sm:rounded-b-lg" data-testid="phone-status-bar">
      {lost && <ConnectionBanner status={status} error={null} />}
      {timer && <Countdown timer={timer} clockOffset={clockOffset} />}
    </div>
  );
}
