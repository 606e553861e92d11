'use client';

import { Alert, Button, HStack, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/app/_actions/result';
import { WorkshopDateField } from '@/app/prosjekter/[id]/verksted/WorkshopDateField';
import type { AppError } from '@/lib/errors';
import { isRedirect } from './AccountForm';
import { useFormErrors } from './use-form-errors';

export interface ProjectValues {
  name: string;
  description: string;
  ethicsReference: string;
  consentText: string;
  /** The last day participants' own words are kept (`YYYY-MM-DD`), or '' for no date. */
  retainFreeTextUntil?: string;
}

/** Create and edit a project's details. Values stay in the fields when the server refuses. */
export function ProjectForm({
  initial,
  submitLabel,
  action,
  onDone,
  onCancel,
}: {
  initial: ProjectValues;
  submitLabel: string;
  action: (values: ProjectValues) => Promise<ActionResult<unknown>>;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations('fields');
  const tProject = useTranslations('project');
  const tRetention = useTranslations('retention');
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const set = (key: keyof ProjectValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await action(values);
        if (!result.ok) return setError(result.error);
        setError(null);
        onDone?.();
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'INTERNAL', message: 'request failed' });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-16">
        {errors.summary && error?.code !== 'BAD_REQUEST' && <Alert variant="error">{errors.summary}</Alert>}
        <TextField label={t('projectName')} value={values.name} onChange={set('name')} error={errors.field('name')} />
        <Textarea label={t('description')} value={values.description} onChange={set('description')} error={errors.field('description')} minRows={3} />
        <TextField
          label={t('ethicsReference')}
          description={t('ethicsReferenceDescription')}
          value={values.ethicsReference}
          onChange={set('ethicsReference')}
          error={errors.field('ethicsReference')}
        />
        <Textarea
          label={t('consentText')}
          description={t('consentTextDescription')}
          value={values.consentText}
          onChange={set('consentText')}
          error={errors.field('consentText')}
          minRows={3}
        />
        <WorkshopDateField
          initial={initial.retainFreeTextUntil ?? ''}
          onChange={(day) => setValues((v) => ({ ...v, retainFreeTextUntil: day }))}
          error={errors.field('retainFreeTextUntil')}
          label={tRetention('label')}
          description={tRetention('description')}
        />
        <HStack gap="space-8">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button type="button" variant="tertiary" onClick={onCancel}>
              {tProject('cancel')}
            </Button>
          )}
        </HStack>
      </VStack>
    </form>
  );
}
