'use client';

import { PlayIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { startWorkshopSessionAction } from '@/app/_actions/workshop-actions';
import { useRedirectingAction } from '@/components/use-redirecting-action';
import { useFormErrors } from '@/components/use-form-errors';

/** Opens the live session for this workshop and goes to its facilitator console. */
export function StartWorkshopButton({ projectId, workshopId, blockedBy }: { projectId: string; workshopId: string; blockedBy: 'empty' | 'archived' | null }) {
  const t = useTranslations('workshop');
  const { run, pending, error } = useRedirectingAction();
  const errors = useFormErrors(error);
  const start = () => run(() => startWorkshopSessionAction(projectId, workshopId));

  return (
    <VStack gap="space-8" className="w-full sm:w-auto sm:max-w-xs">
      <Button size="medium" icon={<PlayIcon aria-hidden />} loading={pending} disabled={blockedBy !== null} onClick={start} className="w-full sm:w-auto">
        {t('start')}
      </Button>
      <BodyShort size="small" className="text-ax-text-neutral-subtle">
        {blockedBy === 'empty' ? t('startEmpty') : blockedBy === 'archived' ? t('startArchived') : t('startHelp')}
      </BodyShort>
      {errors.summary && <Alert variant="error" size="small">{errors.summary}</Alert>}
    </VStack>
  );
}
