'use client';

import { TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { deleteWorkshopAction } from '@/app/_actions/workshop-actions';
import { isRedirect } from '@/components/AccountForm';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

/** Deleting asks once more, since the agenda cannot be brought back. */
export function DeleteWorkshop({ projectId, workshopId }: { projectId: string; workshopId: string }) {
  const t = useTranslations('workshop');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  const remove = () =>
    startTransition(async () => {
      try {
        const result = await deleteWorkshopAction(projectId, workshopId);
        if (!result.ok) setError(result.error);
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'INTERNAL', message: 'request failed' });
      }
    });

  if (!confirming) {
    return (
      <div>
        <Button variant="tertiary-neutral" size="small" icon={<TrashIcon aria-hidden />} onClick={() => setConfirming(true)}>
          {t('delete')}
        </Button>
      </div>
    );
  }
  return (
    <VStack gap="space-8">
      {errors.summary && <Alert variant="error" size="small">{errors.summary}</Alert>}
      <BodyShort size="small">{t('deleteConfirm')}</BodyShort>
      <HStack gap="space-8">
        <Button size="small" variant="danger" loading={pending} onClick={remove}>
          {t('deleteYes')}
        </Button>
        <Button size="small" variant="tertiary" onClick={() => setConfirming(false)}>
          {t('cancel')}
        </Button>
      </HStack>
    </VStack>
  );
}
