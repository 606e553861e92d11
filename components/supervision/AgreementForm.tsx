'use client';

import { Alert, Button, DatePicker, Heading, Textarea, useDatepicker, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { agreementFields, type Agreement, type OutcomeInput } from '@/lib/supervision/outcome';

const empty = { specific: '', measurable: '', acknowledged: '', realistic: '', deadline: '', evaluate: '' };
const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** An agreement "til neste gang" as a SMARTE mål: one field for each letter. */
export function AgreementForm({ save }: { save: (input: OutcomeInput) => Promise<AppError | null> }) {
  const t = useTranslations('supervision');
  const [value, setValue] = useState<Agreement>(empty);
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const { datepickerProps, inputProps, setSelected } = useDatepicker({
    fromDate: new Date(),
    onDateChange: (d) => setValue((v) => ({ ...v, deadline: d ? isoDate(d) : '' })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const refused = await save({ type: 'agreement', agreement: value });
    setError(refused);
    if (!refused) {
      setValue(empty);
      setSelected(undefined);
    }
  }

  const required = new Set(['specific', 'measurable', 'evaluate']);
  return (
    <form onSubmit={submit} noValidate className="rounded-lg bg-ax-bg-neutral-soft p-4">
      <VStack gap="space-12">
        <Heading level="3" size="xsmall">{t('newAgreement')}</Heading>
        {agreementFields.map((f) =>
          f === 'deadline' ? (
            <DatePicker key={f} {...datepickerProps}>
              <DatePicker.Input {...inputProps} label={t('agreement.deadline')} error={errors.field('deadline')} />
            </DatePicker>
          ) : (
            <Textarea key={f} label={t(`agreement.${f}`)} minRows={1} maxLength={300} value={value[f]} error={errors.field(f)}
              onChange={(e) => setValue((v) => ({ ...v, [f]: e.target.value }))} aria-required={required.has(f)} />
          ),
        )}
        {error && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <div>
          <Button type="submit" variant="secondary" disabled={!value.specific.trim() || !value.measurable.trim() || !value.evaluate.trim() || !value.deadline}>
            {t('addAgreement')}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
