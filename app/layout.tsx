import '@navikt/ds-css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AkselLocale } from '@/components/AkselLocale';
import { SiteHeader } from '@/components/SiteHeader';
import { currentUser } from './_lib/auth';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s – ${t('title')}` }, description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('header');
  const user = await currentUser();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider><AkselLocale>
          <a href="#innhold" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
            {t('skipToContent')}
          </a>
          <SiteHeader userName={user?.name ?? null} />
          <main id="innhold" className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 sm:py-10">
            {children}
          </main>
        </AkselLocale></NextIntlClientProvider>
      </body>
    </html>
  );
}
