'use client';

import { PlayIcon } from '@navikt/aksel-icons';
import { Alert, Button, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { startQsortAction } from '@/app/_actions/qsort-actions';
import { isRedirect } from '@/components/AccountForm';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

/** Starts a live Q-sort of the set; refused with a clear message when the grid does not fit. */
export function StartQsortButton({ projectId, setId, disabled = false }: { projectId: string; setId: string; disabled?: boolean }) {
  const t = useTranslations('qsort');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const start = () =>
    startTransition(async () => {
      try {
        const result = await startQsortAction(projectId, setId);
        if (!result.ok) setError(result.error);
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  return (
    <VStack gap="space-8" className="sm:items-start">
      <Button icon={<PlayIcon aria-hidden />} loading={pending} disabled={disabled} onClick={start}>{t('start')}</Button>
      {error && <Alert variant="error" size="small">{error.fields?.grid ? t('gridMismatch') : errors.summary}</Alert>}
    </VStack>
  );
}
