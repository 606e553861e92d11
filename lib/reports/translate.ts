import { createTranslator } from 'next-intl';
import type { Locale } from '@/i18n/locales';
import { formatDecimal } from '@/lib/i18n/format';
import en from '@/messages/en.reports.json' with { type: 'json' };
import nb from '@/messages/nb.reports.json' with { type: 'json' };
import nn from '@/messages/nn.reports.json' with { type: 'json' };

const catalogues = { nb, nn, en } as const;

/** Report texts in one language; files are made outside React, so next-intl's plain translator. */
export function reportTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'reports' });
}
export type ReportTranslator = ReturnType<typeof reportTranslator>;

/** Dates as the report's reader writes them ("30. november 2026" / "30 November 2026"). */
export { formatDate } from '@/lib/i18n/format';

/** Averages (one decimal unless told) with the locale's decimal sign. */
export const formatMean = (locale: Locale, value: number, digits = 1) => formatDecimal(locale, value, digits);
