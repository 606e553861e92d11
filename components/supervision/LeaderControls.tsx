'use client';

import { ChevronLeftIcon, ChevronRightIcon, PauseIcon, PlayIcon } from '@navikt/aksel-icons';
import { Button, HStack, Select } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { TimerMinutesForm } from '@/components/workshop/TimerMinutesForm';
import { inClosing, type SupervisionCommand, type SupervisionRuntime } from '@/lib/supervision/engine';

/** The leader's hands on the meeting: rounds forward and back, and the time box. */
export function LeaderControls({ runtime, run }: { runtime: SupervisionRuntime; run: (c: SupervisionCommand) => void }) {
  const t = useTranslations('supervision');
  const [target, setTarget] = useState(String(runtime.current + 1));
  const paused = runtime.timer !== null && runtime.timer.remainingMs !== null;
  const last = runtime.current === runtime.rounds.length - 1;
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 rounded-lg bg-ax-bg-raised p-3 shadow-sm" data-testid="leader-controls">
      <HStack gap="space-8">
        <Button variant="secondary" icon={<ChevronLeftIcon aria-hidden />} disabled={runtime.current < 0} onClick={() => run({ type: 'previous' })}>
          {t('previousRound')}
        </Button>
        <Button icon={<ChevronRightIcon aria-hidden />} iconPosition="right" disabled={inClosing(runtime)} onClick={() => run({ type: 'next' })}>
          {runtime.current < 0 ? t('startFirst') : last ? t('toClosing') : t('nextRound')}
        </Button>
      </HStack>
      {runtime.allowSkip && (
        <HStack gap="space-4" align="end">
          <Select label={t('goToRound')} value={target} onChange={(e) => setTarget(e.target.value)}>
            {runtime.rounds.map((r, i) => <option key={r.id} value={i}>{i + 1}. {r.name}</option>)}
            <option value={runtime.rounds.length}>{t('closing')}</option>
          </Select>
          <Button variant="secondary" onClick={() => run({ type: 'goTo', index: Number(target) })}>{t('go')}</Button>
        </HStack>
      )}
      {runtime.timer && (
        <HStack gap="space-4" align="center">
          {paused ? (
            <Button variant="secondary" icon={<PlayIcon aria-hidden />} onClick={() => run({ type: 'timerResume' })}>{t('timerResume')}</Button>
          ) : (
            <Button variant="secondary" icon={<PauseIcon aria-hidden />} onClick={() => run({ type: 'timerPause' })}>{t('timerPause')}</Button>
          )}
          <Button variant="tertiary" onClick={() => run({ type: 'timerExtend', seconds: 60 })}>{t('timerExtend', { minutes: 1 })}</Button>
          <Button variant="tertiary" onClick={() => run({ type: 'timerExtend', seconds: 300 })}>{t('timerExtend', { minutes: 5 })}</Button>
        </HStack>
      )}
      <TimerMinutesForm start={(seconds) => run({ type: 'timerStart', seconds })} />
    </div>
  );
}
