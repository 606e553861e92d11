'use client';

import { FilesIcon, PlusIcon } from '@navikt/aksel-icons';
import { Alert, Button, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { copyTemplateAction } from '@/app/_actions/supervision-actions';
import { useRedirectingAction } from '@/components/use-redirecting-action';
import { useFormErrors } from '@/components/use-form-errors';

/**
 * Makes a new template as a copy of one and opens it in the editor. `variant="new"` is the
 * page's "Ny mal" button (a copy of the standard template); otherwise a card's "Lag kopi".
 */
export function CopyTemplateButton({ projectId, templateId, templateName, variant }: { projectId: string; templateId: string; templateName: string; variant: 'new' | 'copy' }) {
  const t = useTranslations('supervisionPrep.templates');
  const { run, pending, error } = useRedirectingAction();
  const errors = useFormErrors(error);

  const copy = () => run(() => copyTemplateAction(projectId, templateId));

  return (
    <VStack gap="space-8">
      {variant === 'new' ? (
        <Button variant="secondary" icon={<PlusIcon aria-hidden />} loading={pending} onClick={copy}>
          {t('new')}
        </Button>
      ) : (
        <Button size="small" variant="tertiary" icon={<FilesIcon aria-hidden />} loading={pending} onClick={copy} aria-label={t('copyLabel', { name: templateName })}>
          {t('copy')}
        </Button>
      )}
      {errors.summary && (
        <Alert variant="error" size="small">
          {errors.summary}
        </Alert>
      )}
    </VStack>
  );
}
