import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE } from '@/lib/cookies';
import { loadMessages } from './catalogue';
import { defaultLocale, isLocale } from './locales';

/** No locale in the URL: join links and QR codes stay short; the choice lives in a cookie. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : defaultLocale;
  return { locale, messages: await loadMessages(locale) };
});
