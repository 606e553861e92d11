'use client';

import { Button, TextField } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { parseMinutes, type MinutesProblem } from '@/lib/workshop/timer-minutes';

/**
 * "Sett tid" in minutes, as people say it: "2", "1,5" or "1.5". A value it cannot read is
 * refused under the field with the text left as typed, never turned into some other time.
 */
export function TimerMinutesForm({ start, initialMinutes = '1', size = 'medium' }: {
  start: (seconds: number) => void;
  initialMinutes?: string;
  /** `small` in the facilitator's dense control bar; phones keep thumb-sized fields. */
  size?: 'small' | 'medium';
}) {
  const t = useTranslations('timer');
  const [text, setText] = useState(initialMinutes);
  const [problem, setProblem] = useState<MinutesProblem | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseMinutes(text);
    if (!parsed.ok) return setProblem(parsed.problem);
    setProblem(null);
    start(parsed.seconds);
  }
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={submit} noValidate data-testid="timer-minutes-form">
      <TextField
        label={t('setMinutes')}
        description={t('setMinutesHelp')}
        size={size}
        inputMode="decimal"
        autoComplete="off"
        htmlSize={6}
        value={text}
        error={problem ? t(`problem.${problem}`) : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (problem) setProblem(null);
        }}
      />
      <Button variant="secondary" size={size} type="submit">{t('setButton')}</Button>
    </form>
  );
}
