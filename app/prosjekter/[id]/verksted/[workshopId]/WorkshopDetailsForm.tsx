'use client';

import { Alert, Box, Button, Heading, HStack, InlineMessage, Select, Switch, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { updateWorkshopAction } from '@/app/_actions/workshop-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { toWorkshopInput, WorkshopFields, type WorkshopFieldValues } from '../WorkshopFields';

export interface WorkshopDetails extends WorkshopFieldValues {
  allowNames: boolean;
  minRevealCount: number;
}

/** The workshop's details and participation settings, saved together. */
export function WorkshopDetailsForm({ projectId, workshopId, initial, phases }: {
  projectId: string;
  workshopId: string;
  initial: WorkshopDetails;
  phases: { id: string; name: string }[];
}) {
  const t = useTranslations('workshop');
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const change = (next: Partial<WorkshopDetails>) => {
    setSaved(false);
    setValues((v) => ({ ...v, ...next }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateWorkshopAction(projectId, workshopId, { ...toWorkshopInput(values), allowNames: values.allowNames, minRevealCount: values.minRevealCount });
      setError(result.ok ? null : result.error);
      setSaved(result.ok);
    });
  }

  return (
    <section aria-labelledby="om-verkstedet">
      <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <form onSubmit={submit} noValidate aria-labelledby="om-verkstedet">
          <VStack gap="space-16">
            <Heading id="om-verkstedet" level="2" size="medium">
              {t('details')}
            </Heading>
            {errors.summary && error?.code !== 'BAD_REQUEST' && error?.code !== 'PERSONAL_DATA' && <Alert variant="error" size="small">{errors.summary}</Alert>}
            <WorkshopFields values={values} onChange={change} phases={phases} fieldError={errors.field} narrow />
            <Heading level="3" size="xsmall">
              {t('participation')}
            </Heading>
            <Switch checked={values.allowNames} onChange={(e) => change({ allowNames: e.target.checked })} description={t('allowNamesHelp')}>
              {t('allowNames')}
            </Switch>
            <Select
              label={t('minRevealCount')}
              description={t('minRevealCountHelp')}
              value={values.minRevealCount}
              onChange={(e) => change({ minRevealCount: Number(e.target.value) })}
              error={errors.field('minRevealCount')}
              className="w-fit"
            >
              {Array.from({ length: 20 }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
            <HStack gap="space-12" align="center">
              <Button type="submit" variant="secondary" loading={pending}>
                {t('save')}
              </Button>
              {saved && (
                <InlineMessage status="success" size="small" role="status">
                  {t('saved')}
                </InlineMessage>
              )}
            </HStack>
          </VStack>
        </form>
      </Box>
    </section>
  );
}
