'use client';

import { ChevronLeftIcon, ChevronRightIcon, PauseIcon, PlayIcon } from '@navikt/aksel-icons';
import { Button, HStack, Switch } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { consoleCommands } from '@/components/console/console-commands';
import { ariaKeys } from '@/components/console/shortcuts';
import { Countdown } from '@/components/workshop/Countdown';
import { TimerMinutesForm } from '@/components/workshop/TimerMinutesForm';
import type { WorkshopCommand, WorkshopRuntime } from '@/lib/workshop/runtime';
import { currentActivity } from '@/lib/workshop/runtime';

/** Next/previous, the timer, reveal and lock: the facilitator's hands on the room (the keys in components/console/shortcuts.ts). */
export function WorkshopControls({ runtime, clockOffset, run }: { runtime: WorkshopRuntime; clockOffset: number; run: (c: WorkshopCommand) => void }) {
  const t = useTranslations('live');
  const activity = currentActivity(runtime);
  const c = consoleCommands(runtime);
  return (
    <HStack gap="space-12" align="center" justify="space-between" className="rounded-xl bg-ax-bg-raised p-3 shadow-sm" data-testid="workshop-controls">
      <HStack gap="space-8">
        <Button variant="secondary" icon={<ChevronLeftIcon aria-hidden />} disabled={!c.previous} aria-keyshortcuts={ariaKeys('previous')} onClick={() => c.previous && run(c.previous)}>
          {t('previous')}
        </Button>
        <Button icon={<ChevronRightIcon aria-hidden />} iconPosition="right" disabled={!c.next} aria-keyshortcuts={ariaKeys('next')} onClick={() => c.next && run(c.next)}>
          {runtime.current < 0 ? t('start') : t('next')}
        </Button>
      </HStack>
      {c.hasTimer && <HStack gap="space-8" align="end" wrap>
        <Countdown timer={runtime.timer} clockOffset={clockOffset} />
        <Button size="small" variant="secondary" aria-keyshortcuts={ariaKeys('timer')} icon={!runtime.timer || c.paused ? <PlayIcon aria-hidden /> : <PauseIcon aria-hidden />} onClick={() => c.timer && run(c.timer)}>
          {!runtime.timer ? t('timerStart', { minutes: c.minutes }) : c.paused ? t('timerResume') : t('timerPause')}
        </Button>
        <Button size="small" variant="tertiary" onClick={() => run({ type: 'timerExtend', seconds: 60 })}>{t('timerExtend', { minutes: 1 })}</Button>
        <Button size="small" variant="tertiary" onClick={() => run({ type: 'timerExtend', seconds: 300 })}>{t('timerExtend', { minutes: 5 })}</Button>
        <TimerMinutesForm key={activity?.id ?? 'none'} size="small" initialMinutes={String(c.minutes)} start={(seconds) => run({ type: 'timerStart', seconds })} />
      </HStack>}
      {c.hasReveal && <HStack gap="space-16">
        <Switch size="small" checked={runtime.revealed} aria-keyshortcuts={ariaKeys('reveal')} onChange={(e) => run({ type: 'setRevealed', revealed: e.target.checked })}>{t('reveal')}</Switch>
        <Switch size="small" checked={runtime.locked} onChange={(e) => run({ type: 'setLocked', locked: e.target.checked })}>{t('lock')}</Switch>
      </HStack>}
    </HStack>
  );
}
