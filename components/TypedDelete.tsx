'use client';

import { TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Box, Button, Heading, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { isRedirect } from '@/components/AccountForm';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError, Result } from '@/lib/errors';
import { confirmsName } from '@/lib/lifecycle/deletion-scope';

export type DeletedThing = 'project' | 'workshop' | 'session';

/**
 * "Slett" behind a typed confirmation: the person types the name of what goes, since nothing
 * deleted here can be brought back. The server checks the typed name again.
 */
export function TypedDelete({ what, name, onDelete }: { what: DeletedThing; name: string; onDelete: (confirmation: string) => Promise<Result<null>> }) {
  const t = useTranslations('deletion');
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await onDelete(typed);
        if (!result.ok) setError(result.error);
        else setOpen(false);
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'INTERNAL', message: 'request failed' });
      }
    });
  }

  if (!open) {
    return (
      <div>
        <Button variant="tertiary-neutral" size="small" icon={<TrashIcon aria-hidden />} onClick={() => setOpen(true)}>
          {t(`${what}.open`, { title: name })}
        </Button>
      </div>
    );
  }
  return (
    <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="danger-subtle">
      <form onSubmit={submit} noValidate aria-labelledby={headingId}>
        <VStack gap="space-12">
          <Heading id={headingId} level="3" size="xsmall">
            {t(`${what}.heading`)}
          </Heading>
          <BodyLong size="small">{t(`${what}.explain`)}</BodyLong>
          {errors.summary && error?.code !== 'BAD_REQUEST' && (
            <Alert variant="error" size="small">
              {errors.summary}
            </Alert>
          )}
          <TextField label={t('typeName', { name })} value={typed} onChange={(e) => setTyped(e.target.value)} error={errors.field('confirmation')} autoComplete="off" size="small" />
          <HStack gap="space-8">
            <Button type="submit" size="small" variant="danger" loading={pending} disabled={!confirmsName(typed, name)}>
              {t(`${what}.done`)}
            </Button>
            <Button type="button" size="small" variant="tertiary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
          </HStack>
        </VStack>
      </form>
    </Box>
  );
}
