'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { createWorkshopAction } from '@/app/_actions/workshop-actions';
import { CreateFormCard } from '@/components/CreateFormCard';
import { useRedirectingAction } from '@/components/use-redirecting-action';
import { useFormErrors } from '@/components/use-form-errors';
import { toWorkshopInput, WorkshopFields, type WorkshopFieldValues } from './WorkshopFields';

/** "Nytt verksted": the few details a workshop needs; the agenda comes ready-made. */
export function NewWorkshopForm({ projectId, phases, defaultPhaseId }: { projectId: string; phases: { id: string; name: string }[]; defaultPhaseId: string }) {
  const t = useTranslations('workshop');
  const [values, setValues] = useState<WorkshopFieldValues>({ title: '', phaseId: defaultPhaseId, date: '', place: '' });
  const { run, pending, error } = useRedirectingAction();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    run(() => createWorkshopAction(projectId, toWorkshopInput(values)));
  }

  return (
    <CreateFormCard
      headingId="nytt-verksted"
      heading={t('new')}
      help={t('newHelp')}
      error={error?.code !== 'BAD_REQUEST' ? errors.summary : undefined}
      submitLabel={t('create')}
      pending={pending}
      onSubmit={submit}
    >
      <WorkshopFields values={values} onChange={(change) => setValues((v) => ({ ...v, ...change }))} phases={phases} fieldError={errors.field} />
    </CreateFormCard>
  );
}
