'use client';

import { Alert, Button, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/app/_actions/result';
import type { AppError } from '@/lib/errors';
import { useFormErrors } from './use-form-errors';

interface Values {
  name: string;
  email: string;
  password: string;
}

/**
 * Setup, registration and sign-in share one form. Inputs are controlled, so a refused
 * submission never empties a field; errors come back as codes and are shown translated.
 */
export function AccountForm({
  withName,
  submitLabel,
  action,
  passwordAutoComplete,
}: {
  withName: boolean;
  submitLabel: string;
  action: (values: Values) => Promise<ActionResult>;
  passwordAutoComplete: 'new-password' | 'current-password';
}) {
  const t = useTranslations('fields');
  const [values, setValues] = useState<Values>({ name: '', email: '', password: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        // On success the action redirects and never returns.
        const result = await action(values);
        if (!result.ok) setError(result.error);
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'INTERNAL', message: 'request failed' });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-20" className="max-w-md">
        {errors.summary && error?.code !== 'BAD_REQUEST' && (
          <Alert variant="error" role="alert">
            {errors.summary}
          </Alert>
        )}
        {withName && <TextField label={t('name')} value={values.name} onChange={set('name')} error={errors.field('name')} autoComplete="name" />}
        <TextField label={t('email')} type="email" value={values.email} onChange={set('email')} error={errors.field('email')} autoComplete="email" />
        <TextField
          label={t('password')}
          description={passwordAutoComplete === 'new-password' ? t('passwordDescription') : undefined}
          type="password"
          value={values.password}
          onChange={set('password')}
          error={errors.field('password')}
          autoComplete={passwordAutoComplete}
        />
        <div>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

/** Next.js signals a redirect from a server action by throwing; it must propagate. */
export function isRedirect(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'digest' in err && String((err as { digest: unknown }).digest).startsWith('NEXT_REDIRECT');
}
