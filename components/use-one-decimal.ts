import { useLocale } from 'next-intl';
import { formatDecimal, formatNumber, formatPercent } from '@/lib/i18n/format';

/** A mean with one decimal, written the reader's way ("3,0" in bokmål and nynorsk, "3.0" in English). */
export function useOneDecimal(): (value: number) => string {
  const locale = useLocale();
  return (value) => formatDecimal(locale, value, 1);
}

/** The page's number formats in its language (lib/i18n/format.ts), for components that need more than a mean. */
export function useNumbers() {
  const locale = useLocale();
  return {
    decimal: (value: number, digits = 1) => formatDecimal(locale, value, digits),
    number: (value: number, digits = 1) => formatNumber(locale, value, digits),
    percent: (share: number) => formatPercent(locale, share),
  };
}
