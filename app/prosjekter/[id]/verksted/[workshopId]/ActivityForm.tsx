'use client';

import { Alert, BodyShort, Button, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { updateActivityAction } from '@/app/_actions/workshop-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import type { ActivityInput, AgendaActivity } from '@/lib/workshop/agenda';
import { ClosingFields } from './ClosingFields';
import { FindingsFields, type FindingOption } from './FindingsFields';
import { nestedErrorCodes, QsortFields, SupervisionFields, type SetOption, type TemplateOption } from './NestedFields';
import { PlenaryFields } from './PlenaryFields';
import { ReflectionFields } from './ReflectionFields';

/** Edits one agenda activity inline; a refused save keeps everything typed. */
export function ActivityForm({ projectId, workshopId, activity, findings, sets, templates, onDone }: {
  projectId: string;
  workshopId: string;
  activity: AgendaActivity;
  findings: FindingOption[];
  sets: SetOption[];
  templates: TemplateOption[];
  onDone: () => void;
}) {
  const t = useTranslations('workshop');
  const tForm = useTranslations('workshop.form');
  const { id, ...initial } = activity;
  const [draft, setDraft] = useState<ActivityInput>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  // The set / template select says why it was refused in its own words (grid, one per agenda).
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
        {kindFields(draft, setDraft, { findings, sets, templates }, fieldError)}
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

/** The settings specific to the activity's kind; each narrows the draft to its own config. */
function kindFields(
  draft: ActivityInput,
  setDraft: (next: ActivityInput) => void,
  { findings, sets, templates }: { findings: FindingOption[]; sets: SetOption[]; templates: TemplateOption[] },
  fieldError: (name: string) => string | undefined,
) {
  switch (draft.kind) {
    case 'findings':
      return (
        <FindingsFields
          findingIds={draft.config.findingIds}
          onChange={(findingIds) => setDraft({ ...draft, config: { findingIds } })}
          findings={findings}
          error={fieldError('findingIds')}
        />
      );
    case 'reflection':
      return <ReflectionFields config={draft.config} onChange={(c) => setDraft({ ...draft, config: { ...draft.config, ...c } })} fieldError={fieldError} />;
    case 'plenary':
      return <PlenaryFields config={draft.config} onChange={(c) => setDraft({ ...draft, config: { ...draft.config, ...c } })} fieldError={fieldError} />;
    case 'closing':
      return <ClosingFields config={draft.config} onChange={(c) => setDraft({ ...draft, config: { ...draft.config, ...c } })} fieldError={fieldError} />;
    case 'qsort':
      return <QsortFields setId={draft.config.setId} sets={sets} onChange={(setId) => setDraft({ ...draft, config: { setId } })} error={fieldError('setId')} />;
    case 'supervision':
      return <SupervisionFields templateId={draft.config.templateId} templates={templates} onChange={(templateId) => setDraft({ ...draft, config: { templateId } })} error={fieldError('templateId')} />;
  }
}
