'use client';

import { Alert, Button, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/app/_actions/result';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { PhasePeriod } from './PhasePeriod';

export interface PhaseValues {
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
}

export const emptyPhase: PhaseValues = { name: '', description: '', startsOn: '', endsOn: '' };

/** Adds or edits a phase; a refused submission keeps what was typed. */
export function PhaseForm({ initial, submitLabel, label, action, onDone, onCancel, clearOnDone = false }: {
  initial: PhaseValues;
  submitLabel: string;
  label: string;
  action: (values: PhaseValues) => Promise<ActionResult>;
  onDone?: () => void;
  onCancel?: () => void;
  clearOnDone?: boolean;
}) {
  const t = useTranslations('fields');
  const tProject = useTranslations('project');
  const [values, setValues] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await action(values);
      if (!result.ok) return setError(result.error);
      setError(null);
      if (clearOnDone) {
        setValues(emptyPhase);
        setGeneration((g) => g + 1);
      }
      onDone?.();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <VStack gap="space-12">
        {errors.summary && error?.code !== 'BAD_REQUEST' && <Alert variant="error">{errors.summary}</Alert>}
        <HStack gap="space-12" align="end">
          <TextField
            label={t('phaseName')}
            value={values.name}
            onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
            error={errors.field('name')}
            className="min-w-60"
          />
          <PhasePeriod
            key={generation}
            initialFrom={values.startsOn}
            initialTo={values.endsOn}
            onChange={(startsOn, endsOn) => setValues((v) => ({ ...v, startsOn, endsOn }))}
            fromError={errors.field('startsOn')}
            toError={errors.field('endsOn')}
          />
        </HStack>
        <TextField
          label={t('description')}
          value={values.description}
          onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
          error={errors.field('description')}
        />
        <HStack gap="space-8">
          <Button type="submit" variant="secondary" loading={pending}>
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
