'use client';

import { Alert, BodyShort, Button, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { updateActivityAction } from '@/app/_actions/workshop-actions';
import type { EditorOptions } from '@/components/activities/contract';
import { uiOf } from '@/components/activities/registry';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import type { ActivityInput, AgendaActivity } from '@/lib/workshop/agenda';

/** The codes a set / template select may be refused with, in the activity form's own words. */
const nestedErrorCodes = ['GRID_SIZE_MISMATCH', 'NOT_FOUND'] as const;

/** Edits one agenda activity inline (the title, then its kind's own fields); a refused save keeps everything typed. */
export function ActivityForm({ projectId, workshopId, activity, options, onDone }: {
  projectId: string;
  workshopId: string;
  activity: AgendaActivity;
  options: EditorOptions;
  onDone: () => void;
}) {
  const t = useTranslations('workshop');
  const tForm = useTranslations('workshop.form');
  const { id, ...initial } = activity;
  const [draft, setDraft] = useState<ActivityInput>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const { Fields } = uiOf(draft.kind).editor;
  // The set / template select says why it was refused in its own words (the grid, material not found).
  const fieldError = (name: string) => {
    const code = nestedErrorCodes.find((c) => c === error?.fields?.[name]);
    return code ? tForm(`error.${code}`) : errors.field(name);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateActivityAction(projectId, workshopId, id, draft);
      if (!result.ok) return setError(result.error);
      setError(null);
      onDone();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('editActivity', { title: activity.title })}>
      <VStack gap="space-16">
        {errors.summary && error?.code !== 'PERSONAL_DATA' && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <TextField label={t('form.title')} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} error={errors.field('title')} />
        {errors.field('form') && <Alert variant="error" size="small">{fieldError('form')}</Alert>}
        <Fields draft={draft} onChange={setDraft} options={options} fieldError={fieldError} />
        <BodyShort size="small" className="text-ax-text-neutral-subtle">
          {t('form.privacy')}
        </BodyShort>
        <HStack gap="space-8">
          <Button type="submit" size="small" loading={pending}>
            {t('save')}
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onDone}>
            {t('cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
