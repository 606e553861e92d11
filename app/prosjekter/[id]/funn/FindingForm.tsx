'use client';

import { Alert, Button, HGrid, HStack, Select, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/app/_actions/result';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { FINDING_LIMITS, quotesFromText } from '@/lib/finding-schemas';

export interface FindingValues {
  title: string;
  summary: string;
  /** The quotes textarea: one quote per line. */
  quotesText: string;
  reflectionQuestion: string;
  theme: string;
  phaseId: string;
}
export interface PhaseOption {
  id: string;
  name: string;
}

export const emptyFinding: FindingValues = { title: '', summary: '', quotesText: '', reflectionQuestion: '', theme: '', phaseId: '' };

/** Adds or edits a finding; a refused submission keeps what was typed and marks the field. */
export function FindingForm({ initial, phases, label, submitLabel, action, onDone, onCancel, clearOnDone = false }: {
  initial: FindingValues;
  phases: PhaseOption[];
  label: string;
  submitLabel: string;
  action: (input: unknown) => Promise<ActionResult>;
  onDone?: () => void;
  onCancel?: () => void;
  clearOnDone?: boolean;
}) {
  const t = useTranslations('findings.form');
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const set = (field: keyof FindingValues) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setSaved(false);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const { quotesText, ...rest } = values;
    startTransition(async () => {
      const result = await action({ ...rest, quotes: quotesFromText(quotesText) });
      if (!result.ok) return setError(result.error);
      setError(null);
      if (clearOnDone) {
        setValues(emptyFinding);
        setSaved(true);
      }
      onDone?.();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <VStack gap="space-16">
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <TextField label={t('title')} value={values.title} onChange={set('title')} error={errors.field('title')} maxLength={FINDING_LIMITS.title} />
        <Textarea label={t('summary')} value={values.summary} onChange={set('summary')} error={errors.field('summary')} minRows={3} maxLength={FINDING_LIMITS.summary} />
        <Textarea
          label={t('quotes')}
          description={t('quotesHelp')}
          value={values.quotesText}
          onChange={set('quotesText')}
          error={error?.fields?.quotes === 'TOO_MANY' ? t('tooManyQuotes', { max: FINDING_LIMITS.quotes }) : errors.field('quotes')}
          minRows={3}
        />
        <TextField
          label={t('reflectionQuestion')}
          description={t('reflectionQuestionHelp')}
          value={values.reflectionQuestion}
          onChange={set('reflectionQuestion')}
          error={errors.field('reflectionQuestion')}
          maxLength={FINDING_LIMITS.reflectionQuestion}
        />
        <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
          <TextField label={t('theme')} description={t('themeHelp')} value={values.theme} onChange={set('theme')} error={errors.field('theme')} maxLength={FINDING_LIMITS.theme} />
          <Select label={t('phase')} description={t('phaseHelp')} value={values.phaseId} onChange={set('phaseId')} error={errors.field('phaseId')}>
            <option value="">{t('noPhase')}</option>
            {phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </HGrid>
        {saved && <Alert variant="success" size="small" role="status">{t('created')}</Alert>}
        <HStack gap="space-8">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button type="button" variant="tertiary" onClick={onCancel}>
              {t('cancel')}
            </Button>
          )}
        </HStack>
      </VStack>
    </form>
  );
}
