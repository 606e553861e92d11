/** Bokmål first (the default), then nynorsk, then English. */
export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';

export const isLocale = (value: string | undefined): value is Locale => locales.includes(value as Locale);
