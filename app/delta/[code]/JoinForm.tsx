'use client';

import { Alert, BodyLong, Box, Button, Heading, ReadMore, TextField, VStack } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

/**
 * Name is optional: empty means anonymous, and anonymous means anonymous to everyone. In
 * kollegaveiledning it is required: the word is given by name.
 */
export function JoinForm({ code, title, consentText, askName, nameRequired = false, questions }: {
  code: string;
  title: string;
  consentText: string;
  askName: boolean;
  nameRequired?: boolean;
  questions: string[];
}) {
  const t = useTranslations('join');
  const router = useRouter();
  const [name, setName] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
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
          body: JSON.stringify({ code, displayName: name.trim() || null, attributes: answers }),
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
    <Box background="raised" padding="space-24" borderRadius="12" className="mx-auto max-w-md">
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          <Heading level="1" size="medium">
            {t('nameHeading', { title })}
          </Heading>
          {errors.summary && error?.code !== 'BAD_REQUEST' && <Alert variant="error">{errors.summary}</Alert>}
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
          {consentText && (
            <ReadMore header={t('consentHeading')} defaultOpen>
              <BodyLong size="small" className="whitespace-pre-line">
                {consentText}
              </BodyLong>
            </ReadMore>
          )}
          <Button type="submit" loading={pending} className="w-full sm:w-auto">
            {t('joinButton')}
          </Button>
        </VStack>
      </form>
    </Box>
  );
}
