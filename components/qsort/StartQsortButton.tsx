'use client';

import { PlayIcon } from '@navikt/aksel-icons';
import { Alert, Button, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { startQsortAction } from '@/app/_actions/qsort-actions';
import { useRedirectingAction } from '@/components/use-redirecting-action';
import { useFormErrors } from '@/components/use-form-errors';

/** Starts a live Q-sort of the set; refused with a clear message when the grid does not fit. */
export function StartQsortButton({ projectId, setId, disabled = false }: { projectId: string; setId: string; disabled?: boolean }) {
  const t = useTranslations('qsort');
  const { run, pending, error } = useRedirectingAction();
  const errors = useFormErrors(error);
  const start = () => run(() => startQsortAction(projectId, setId));
  return (
    <VStack gap="space-8" className="sm:items-start">
      <Button icon={<PlayIcon aria-hidden />} loading={pending} disabled={disabled} onClick={start}>{t('start')}</Button>
      {error && <Alert variant="error" size="small">{error.fields?.grid ? t('gridMismatch') : errors.summary}</Alert>}
    </VStack>
  );
}
