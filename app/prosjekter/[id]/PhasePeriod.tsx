'use client';

import { DatePicker, HStack, useRangeDatepicker } from '@navikt/ds-react';
import { useLocale, useTranslations } from 'next-intl';

/** yyyy-mm-dd in local time: a phase date is a calendar day, not an instant. */
const toIsoDay = (d: Date | undefined) =>
  d ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` : '';
const fromIsoDay = (s: string) => (s ? new Date(`${s}T12:00:00`) : undefined);

/** Aksel's range date picker for a phase's from–to dates, typed or picked. Re-key to reset. */
export function PhasePeriod({ initialFrom, initialTo, onChange, fromError, toError }: {
  initialFrom: string;
  initialTo: string;
  onChange: (from: string, to: string) => void;
  fromError?: string;
  toError?: string;
}) {
  const t = useTranslations('fields');
  const locale = useLocale();
  const { datepickerProps, fromInputProps, toInputProps } = useRangeDatepicker({
    locale,
    defaultSelected: { from: fromIsoDay(initialFrom), to: fromIsoDay(initialTo) },
    onRangeChange: (range) => onChange(toIsoDay(range?.from), toIsoDay(range?.to)),
  });
  return (
    <DatePicker {...datepickerProps}>
      <HStack gap="space-12" wrap>
        <DatePicker.Input {...fromInputProps} label={t('startsOn')} error={fromError} />
        <DatePicker.Input {...toInputProps} label={t('endsOn')} error={toError} />
      </HStack>
    </DatePicker>
  );
}
