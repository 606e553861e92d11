'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { redactFeedbackItemAction } from '@/app/_actions/redaction-actions';
import { ConfirmAction } from './live/ConfirmAction';

/** "Fjern" on a stored contribution (a finding's comments, the archive), after a confirm dialog. */
export function RedactItemButton({ projectId, itemId }: { projectId: string; itemId: string }) {
  const t = useTranslations('redaction');
  const router = useRouter();
  return (
    <ConfirmAction
      label={t('redact')}
      title={t('redactTitle')}
      body={t('redactConfirm')}
      confirm={t('confirmRedact')}
      onConfirm={async () => {
        const result = await redactFeedbackItemAction(projectId, itemId);
        if (!result.ok) return result.error;
        router.refresh();
        return null;
      }}
    />
  );
}
