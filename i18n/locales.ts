/** Bokmål first; English second. Nynorsk joins with the universal-design work. */
export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';

export const isLocale = (value: string | undefined): value is Locale => locales.includes(value as Locale);
