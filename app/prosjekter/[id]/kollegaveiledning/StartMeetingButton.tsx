'use client';

import { ArrowRightIcon, PlayIcon } from '@navikt/aksel-icons';
import { Alert, Button, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { startMeetingAction } from '@/app/_actions/supervision-actions';
import { useRedirectingAction } from '@/components/use-redirecting-action';
import { useFormErrors } from '@/components/use-form-errors';

/** Opens a meeting of the group and goes to its live console. */
export function StartMeetingButton({ projectId, groupId, groupName, disabled }: { projectId: string; groupId: string; groupName: string; disabled: boolean }) {
  const t = useTranslations('supervisionPrep.groups');
  const { run, pending, error } = useRedirectingAction();
  const errors = useFormErrors(error);

  const start = () => run(() => startMeetingAction(projectId, groupId));

  return (
    <VStack gap="space-8" className="sm:items-start">
      <Button size="small" icon={<PlayIcon aria-hidden />} loading={pending} disabled={disabled} onClick={start} className="w-full sm:w-auto">
        {t('start')}
        <span className="sr-only"> {t('forGroup', { name: groupName })}</span>
      </Button>
      {errors.summary && (
        <Alert variant="error" size="small">
          {errors.summary}
        </Alert>
      )}
    </VStack>
  );
}

/** The way back into a meeting that is still running, styled as the primary action. */
export function ResumeMeetingLink({ href, groupName }: { href: string; groupName: string }) {
  const t = useTranslations('supervisionPrep.groups');
  return (
    // Aksel gives non-button elements role="button"; this one navigates, so it stays a link.
    <Button as={Link} href={href} role="link" size="small" icon={<ArrowRightIcon aria-hidden />} iconPosition="right" className="w-full sm:w-auto">
      {t('resume')}
      <span className="sr-only"> {t('forGroup', { name: groupName })}</span>
    </Button>
  );
}
