'use client';

import { ChevronLeftIcon, ChevronRightIcon, PauseIcon, PlayIcon } from '@navikt/aksel-icons';
import { Button, HStack, Switch } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { Countdown } from '@/components/workshop/Countdown';
import { TimerMinutesForm } from '@/components/workshop/TimerMinutesForm';
import { uiOf } from '@/components/activities/registry';
import { moduleOf } from '@/lib/activities/registry';
import { isNestedKind } from '@/lib/workshop/agenda';
import type { WorkshopCommand, WorkshopRuntime } from '@/lib/workshop/runtime';
import { currentActivity } from '@/lib/workshop/runtime';

/** Next/previous, the timer, reveal and lock: the facilitator's hands on the room. */
export function WorkshopControls({ runtime, clockOffset, run }: { runtime: WorkshopRuntime; clockOffset: number; run: (c: WorkshopCommand) => void }) {
  const t = useTranslations('live');
  const activity = currentActivity(runtime);
  const controls = activity ? uiOf(activity.kind).controls : {};
  const minutes = (activity && controls.timerMinutes?.(activity, runtime)) ?? 5;
  // "Next" steps within an activity first (a findings round: finding by finding).
  const moreWithin = activity !== null && runtime.findingIndex + 1 < (moduleOf(activity)?.steps?.(activity) ?? 0);
  const last = runtime.current >= runtime.activities.length - 1 && !moreWithin;
  const paused = runtime.timer?.remainingMs !== null && runtime.timer !== null;
  // A Q-sort opens and shows its results by its own controls; a kollegaveiledning keeps its own time too.
  const nested = activity !== null && isNestedKind(activity.kind);
  return (
    <HStack gap="space-12" align="center" justify="space-between" className="rounded-lg bg-ax-bg-raised p-3 shadow-sm">
      <HStack gap="space-8">
        <Button variant="secondary" icon={<ChevronLeftIcon aria-hidden />} disabled={runtime.current < 0} onClick={() => run({ type: 'previous' })}>
          {t('previous')}
        </Button>
        <Button icon={<ChevronRightIcon aria-hidden />} iconPosition="right" disabled={last} onClick={() => run({ type: 'next' })}>
          {runtime.current < 0 ? t('start') : t('next')}
        </Button>
      </HStack>
      {!controls.ownTimer && <HStack gap="space-8" align="end" wrap>
        <Countdown timer={runtime.timer} clockOffset={clockOffset} />
        {!runtime.timer ? (
          <Button size="small" variant="secondary" icon={<PlayIcon aria-hidden />} onClick={() => run({ type: 'timerStart', seconds: minutes * 60 })}>
            {t('timerStart', { minutes })}
          </Button>
        ) : paused ? (
          <Button size="small" variant="secondary" icon={<PlayIcon aria-hidden />} onClick={() => run({ type: 'timerResume' })}>{t('timerResume')}</Button>
        ) : (
          <Button size="small" variant="secondary" icon={<PauseIcon aria-hidden />} onClick={() => run({ type: 'timerPause' })}>{t('timerPause')}</Button>
        )}
        <Button size="small" variant="tertiary" onClick={() => run({ type: 'timerExtend', seconds: 60 })}>{t('timerExtend', { minutes: 1 })}</Button>
        <Button size="small" variant="tertiary" onClick={() => run({ type: 'timerExtend', seconds: 300 })}>{t('timerExtend', { minutes: 5 })}</Button>
        <TimerMinutesForm key={activity?.id ?? 'none'} size="small" initialMinutes={String(minutes)} start={(seconds) => run({ type: 'timerStart', seconds })} />
      </HStack>}
      {!nested && <HStack gap="space-16">
        <Switch size="small" checked={runtime.revealed} onChange={(e) => run({ type: 'setRevealed', revealed: e.target.checked })}>{t('reveal')}</Switch>
        <Switch size="small" checked={runtime.locked} onChange={(e) => run({ type: 'setLocked', locked: e.target.checked })}>{t('lock')}</Switch>
      </HStack>}
    </HStack>
  );
}
