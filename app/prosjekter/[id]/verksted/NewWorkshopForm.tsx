'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { createWorkshopAction } from '@/app/_actions/workshop-actions';
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
