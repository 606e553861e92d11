'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createWorkshopAction } from '@/app/_actions/workshop-actions';
import { isRedirect } from '@/components/AccountForm';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { toWorkshopInput, WorkshopFields, type WorkshopFieldValues } from './WorkshopFields';

/** "Nytt verksted": the few details a workshop needs; the agenda comes ready-made. */
export function NewWorkshopForm({ projectId, phases, defaultPhaseId }: { projectId: string; phases: { id: string; name: string }[]; defaultPhaseId: string }) {
  const t = useTranslations('workshop');
  const [values, setValues] = useState<WorkshopFieldValues>({ title: '', phaseId: defaultPhaseId, date: '', place: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await createWorkshopAction(projectId, toWorkshopInput(values));
        if (!result.ok) setError(result.error);
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'INTERNAL', message: 'request failed' });
      }
    });
  }

  return (
    <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <form onSubmit={submit} noValidate aria-labelledby="nytt-verksted">
        <VStack gap="space-16">
          <div>
            <Heading id="nytt-verksted" level="2" size="medium" spacing>
              {t('new')}
            </Heading>
            <BodyShort className="text-ax-text-neutral-subtle">{t('newHelp')}</BodyShort>
          </div>
          {errors.summary && error?.code !== 'BAD_REQUEST' && <Alert variant="error">{errors.summary}</Alert>}
          <WorkshopFields values={values} onChange={(change) => setValues((v) => ({ ...v, ...change }))} phases={phases} fieldError={errors.field} />
          <div>
            <Button type="submit" icon={<PlusIcon aria-hidden />} loading={pending}>
              {t('create')}
            </Button>
          </div>
        </VStack>
      </form>
    </Box>
  );
}
