import type { Locale } from '@/i18n/locales';

/**
 * Every number and date a person reads goes through here, so bokmål and nynorsk write "3,0"
 * and "30. november 2026" and English "3.0" and "30 November 2026" on every page and in every
 * file. Intl carries the rules; this only picks the region (Norway for both written Norwegians,
 * Britain for English: day before month, no "3/4/2026" ambiguity).
 */
const regions: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export const intlLocale = (locale: Locale): string => regions[locale];

// Making an Intl.NumberFormat costs far more than using one: a report of a few hundred sorts
// formats about a hundred thousand numbers, so each formatter is made once.
const decimalFormats = new Map<string, Intl.NumberFormat>();

/** A number with a fixed count of decimals (a mean: one; a z-score or loading: two). */
export function formatDecimal(locale: Locale, value: number, digits = 1): string {
  const key = `${locale}:${digits}`;
  let format = decimalFormats.get(key);
  if (!format) decimalFormats.set(key, (format = new Intl.NumberFormat(regions[locale], { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(value);
}

/** At most `digits` decimals, none when the value is whole (a median of 3 reads "3"). */
export const formatNumber = (locale: Locale, value: number, digits = 1): string =>
  new Intl.NumberFormat(regions[locale], { maximumFractionDigits: digits }).format(value);

/** A share 0..1 as a whole percent ("42 %" in Norwegian, "42%" in English). */
export const formatPercent = (locale: Locale, share: number): string =>
  new Intl.NumberFormat(regions[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A day as the reader writes it, in Oslo time (where every workshop happens). */
export const formatDate = (locale: Locale, at: Date): string =>
  new Intl.DateTimeFormat(regions[locale], { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(at);

/** A moment as the reader writes it, day and time in Oslo ("1. desember 2026 kl. 14:05"): two sessions of one day apart. */
export const formatDateTime = (locale: Locale, at: Date): string =>
  new Intl.DateTimeFormat(regions[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(at);

/** Norwegian spreadsheets split on semicolons and read a decimal comma; English ones use commas and points. */
export const decimalSign = (locale: Locale): ',' | '.' => (locale === 'en' ? '.' : ',');
