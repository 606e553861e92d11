'use client';

import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

/** yyyy-mm-dd in local time: a workshop date is a calendar day, not an instant. */
const toIsoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * Aksel's date picker for one day, typed or picked. Something typed that is not a date is
 * reported as 'invalid' rather than as empty, so it is refused instead of silently dropped.
 */
export function WorkshopDateField({
  initial,
  onChange,
  error,
  label,
  description,
}: {
  initial: string;
  onChange: (iso: string) => void;
  error?: string;
  /** Defaults to the workshop's date label (the project form uses it for its retention date). */
  label?: string;
  description?: string;
}) {
  const t = useTranslations('workshop.fields');
  const tValidation = useTranslations('validation');
  const locale = useLocale();
  const [invalid, setInvalid] = useState(false);
  // Aksel reports the date and its validity in two callbacks; whichever comes last reports both.
  const latest = useRef({ day: initial, invalid: false });
  const report = (change: Partial<typeof latest.current>) => {
    latest.current = { ...latest.current, ...change };
    setInvalid(latest.current.invalid);
    onChange(latest.current.invalid ? 'invalid' : latest.current.day);
  };
  const { datepickerProps, inputProps } = useDatepicker({
    locale,
    defaultSelected: initial ? new Date(`${initial}T12:00:00`) : undefined,
    onDateChange: (date) => report({ day: date ? toIsoDay(date) : '', invalid: date ? false : latest.current.invalid }),
    onValidate: (v) => report({ invalid: !v.isEmpty && !v.isValidDate }),
  });
  return (
    <DatePicker {...datepickerProps}>
      <DatePicker.Input {...inputProps} label={label ?? t('date')} description={description} error={invalid ? tValidation('DATE_INVALID') : error} />
    </DatePicker>
  );
}
