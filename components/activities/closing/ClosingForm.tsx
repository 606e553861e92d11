'use client';

import { Alert, Button, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { closingEvents } from '@/lib/activities/closing/events';
import type { ActivityOf } from '../contract';

/** The evaluation: each question on a 0–4 scale, plus free text. */
export function ClosingForm({ live, activity, saved }: {
  live: ReturnType<typeof useLiveSession>;
  activity: ActivityOf<'closing'>;
  saved: { answers: Record<string, number>; text: string } | null;
}) {
  const t = useTranslations('live');
  const [answers, setAnswers] = useState<Record<string, number>>(saved?.answers ?? {});
  const [text, setText] = useState(saved?.text ?? '');
  const [done, setDone] = useState(Boolean(saved));
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await live.call(closingEvents.evaluate.name, { answers, text });
    setDone(result.ok);
    setError(result.ok ? null : result.error);
  }

  return (
    <form onSubmit={submit}>
      <VStack gap="space-16">
        {activity.config.questions.map((q) => (
          <RadioGroup key={q.id} legend={q.text} description={t('closingHelp')} value={answers[q.id] === undefined ? '' : String(answers[q.id])}
            onChange={(v: string) => { setAnswers((a) => ({ ...a, [q.id]: Number(v) })); setDone(false); }}>
            <div className="flex gap-4">
              {[0, 1, 2, 3, 4].map((n) => (
                <Radio key={n} value={String(n)}>
                  {t('scale', { value: n })}
                </Radio>
              ))}
            </div>
          </RadioGroup>
        ))}
        {activity.config.freeTextQuestion && (
          <Textarea label={activity.config.freeTextQuestion} value={text} onChange={(e) => { setText(e.target.value); setDone(false); }} maxLength={2000} error={errors.field('text')} />
        )}
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        {done && <Alert variant="success" size="small" role="status">{t('evaluationSaved')}</Alert>}
        <div>
          <Button type="submit">{t('send')}</Button>
        </div>
      </VStack>
    </form>
  );
}
