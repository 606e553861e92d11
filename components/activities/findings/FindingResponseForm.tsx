'use client';

import { Alert, BodyShort, Button, HStack, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { clientEvents } from '@/lib/protocol';
import { findingResponseValues, type FindingResponseValue } from '@/lib/workshop/answers';

type Answer = { response: FindingResponseValue; comment: string };

/**
 * Kjenner igjen / nyanserer / avkrefter plus a comment. The answer counts only when the
 * server has stored it; a refused comment (personal data) stays in the field.
 */
export function FindingResponseForm({ live, findingId, saved, onSaved, onWithdrawn }: {
  live: ReturnType<typeof useLiveSession>;
  findingId: string;
  saved: Answer | null;
  onSaved: (answer: Answer) => void;
  onWithdrawn: () => void;
}) {
  const t = useTranslations('live');
  const [response, setResponse] = useState<FindingResponseValue | ''>(saved?.response ?? '');
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(Boolean(saved));
  const errors = useFormErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!response) return;
    setPending(true);
    const result = await live.call(clientEvents.respond, { findingId, response, comment });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setDone(true);
    onSaved({ response, comment });
  }

  return (
    <form onSubmit={submit} aria-label={t('responseHelp')}>
      <VStack gap="space-12">
        <RadioGroup legend={t('responseHelp')} value={response} onChange={(v: FindingResponseValue) => { setResponse(v); setDone(false); }}>
          {findingResponseValues.map((r) => (
            <Radio key={r} value={r}>
              {t(`response.${r}`)}
            </Radio>
          ))}
        </RadioGroup>
        <Textarea
          label={t('comment')}
          description={t('commentHelp')}
          value={comment}
          onChange={(e) => { setComment(e.target.value); setDone(false); }}
          maxLength={1000}
          minRows={2}
          error={errors.field('comment')}
        />
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        {done && <Alert variant="success" size="small" role="status">{t('sent')}</Alert>}
        <HStack gap="space-8">
          <Button type="submit" loading={pending} disabled={!response}>
            {t('send')}
          </Button>
          {saved && (
            <Button type="button" variant="tertiary" onClick={async () => {
              const result = await live.call(clientEvents.withdraw, { findingId });
              if (result.ok) { setResponse(''); setComment(''); setDone(false); onWithdrawn(); }
            }}>
              {t('withdraw')}
            </Button>
          )}
        </HStack>
        {!saved && !done && <BodyShort size="small" className="sr-only">{t('responseHelp')}</BodyShort>}
      </VStack>
    </form>
  );
}
