'use client';

import { useTranslations } from 'next-intl';
import type { AnsweredCount } from '@/lib/workshop/results';

/**
 * Before reveal: how many have answered so far, large (only from the minimum count up, in
 * whole batches, so it says nothing about any one person), and that results come later.
 */
export function NotRevealed({ answered, activityId }: { answered: AnsweredCount | null; activityId: string }) {
  const t = useTranslations('live');
  const tScreen = useTranslations('screen');
  const count = answered?.activityId === activityId ? answered.count : null;
  return (
    <div className="flex flex-col gap-[0.5em]">
      {count !== null && <p className="m-0 text-[2.4em] font-bold tabular-nums" data-testid="screen-answered">{tScreen('answeredSoFar', { count })}</p>}
      <p className="m-0 text-[1.2em]">{t('notRevealed')}</p>
    </div>
  );
}
