'use client';

import { Alert, BodyLong, Box, Button, Checkbox, Heading, ReadMore, TextField, VStack } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

/**
 * Name is optional: empty means anonymous, and anonymous means anonymous to everyone. In
 * kollegaveiledning it is required: the word is given by name. When the project asks for
 * consent, its current text is shown and must be accepted; the server stores which version.
 */
export function JoinForm({ code, title, consent, askName, nameRequired = false, questions }: {
  code: string;
  title: string;
  consent: { version: number; text: string } | null;
  askName: boolean;
  nameRequired?: boolean;
  questions: string[];
}) {
  const t = useTranslations('join');
  const router = useRouter();
  const [name, setName] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const res = await fetch('/api/sessions/join', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code, displayName: name.trim() || null, attributes: answers, consentVersion: consent && accepted ? consent.version : null }),
        });
        const body = (await res.json()) as { ok: boolean; error?: AppError };
        if (!body.ok) return setError(body.error ?? { code: 'INTERNAL', message: 'join failed' });
        router.refresh();
      } catch {
        setError({ code: 'INTERNAL', message: 'network' });
      }
    });
  }

  return (
    <Box background="raised" padding="space-24" borderRadius="12" className="phone-room mx-auto max-w-md">
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          <Heading level="1" size="medium">
            {t('nameHeading', { title })}
          </Heading>
          {errors.summary && error?.code !== 'BAD_REQUEST' && error?.code !== 'CONSENT_REQUIRED' && <Alert variant="error">{errors.summary}</Alert>}
          {askName && <TextField
            label={nameRequired ? t('nameLabelRequired') : t('nameLabel')}
            description={nameRequired ? t('nameRequiredDescription') : t('nameDescription')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.field('displayName')}
            autoComplete="nickname"
            maxLength={60}
          />}
          {questions.map((q) => (
            <TextField key={q} label={q} value={answers[q] ?? ''} maxLength={200} error={errors.field(`attribute.${q}`)}
              onChange={(e) => setAnswers((a) => ({ ...a, [q]: e.target.value }))} />
          ))}
          {consent && (
            <>
              <ReadMore header={t('consentHeading')} defaultOpen>
                <BodyLong size="small" className="whitespace-pre-line">
                  {consent.text}
                </BodyLong>
                <BodyLong size="small" className="mt-2 text-ax-text-neutral-subtle">{t('consentVersion', { version: consent.version })}</BodyLong>
              </ReadMore>
              <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} error={Boolean(errors.field('consent'))}>
                {t('consentAccept')}
              </Checkbox>
              {errors.field('consent') && <Alert variant="error" size="small" inline>{errors.field('consent')}</Alert>}
            </>
          )}
          <Button type="submit" loading={pending} className="w-full sm:w-auto">
            {t('joinButton')}
          </Button>
        </VStack>
      </form>
    </Box>
  );
}
