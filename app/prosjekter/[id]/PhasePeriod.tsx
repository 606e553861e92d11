'use client';

import { DatePicker, HStack, useRangeDatepicker } from '@navikt/ds-react';
import { useLocale, useTranslations } from 'next-intl';
import { forwardRef, useImperativeHandle } from 'react';

/** yyyy-mm-dd in local time: a phase date is a calendar day, not an instant. */
const toIsoDay = (d: Date | undefined) =>
  d ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` : '';

export interface PhasePeriodHandle {
  reset(): void;
}

/** Aksel's range date picker for a phase's from–to dates, typed or picked. */
export const PhasePeriod = forwardRef<PhasePeriodHandle, { onChange: (from: string, to: string) => void; fromError?: string; toError?: string }>(
  function PhasePeriod({ onChange, fromError, toError }, ref) {
    const t = useTranslations('fields');
    const locale = useLocale();
    const { datepickerProps, fromInputProps, toInputProps, reset } = useRangeDatepicker({
      locale: locale === 'en' ? 'en' : 'nb',
      onRangeChange: (range) => onChange(toIsoDay(range?.from), toIsoDay(range?.to)),
    });
    useImperativeHandle(ref, () => ({ reset }), [reset]);
    return (
      <DatePicker {...datepickerProps}>
        <HStack gap="space-12" wrap>
          <DatePicker.Input {...fromInputProps} label={t('startsOn')} error={fromError} />
          <DatePicker.Input {...toInputProps} label={t('endsOn')} error={toError} />
        </HStack>
      </DatePicker>
    );
  },
);
