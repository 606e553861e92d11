import { useFormatter } from 'next-intl';

/** A mean with one decimal, written the reader's way ("3,0" in bokmål, "3.0" in English). */
export function useOneDecimal(): (value: number) => string {
  const format = useFormatter();
  return (value) => format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
