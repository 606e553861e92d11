// Aksel's stylesheet is dist/index.css = these global parts + fonts.css + components.css. Its
// fonts.css loads Source Sans 3 from NAV's CDN; ./fonts.css serves the same family from here, so
// a room without internet gets the real typeface (app/aksel-css.test.ts keeps this list whole).
import '@navikt/ds-css/dist/global/reset.css';
import '@navikt/ds-css/dist/global/tokens.css';
import '@navikt/ds-css/dist/global/baseline.css';
import '@navikt/ds-css/dist/global/print.css';
import './fonts.css';
import '@navikt/ds-css/dist/components.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AkselLocale } from '@/components/AkselLocale';
import { SiteHeader } from '@/components/SiteHeader';
import { currentUser } from './_lib/auth';
import { headerColor } from './_lib/brand';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    title: { default: t('title'), template: `%s – ${t('title')}` },
    description: t('description'),
    // Added to an iPhone's home screen, the participant page opens full screen (app/manifest.ts).
    appleWebApp: { capable: true, title: t('title') },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: headerColor };

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
          {/* A page marked data-wide-layout (the live console: a control room) takes the whole width. */}
          <main id="innhold" className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 sm:py-10 has-[[data-wide-layout]]:max-w-[108rem]">
            {children}
          </main>
        </AkselLocale></NextIntlClientProvider>
      </body>
    </html>
  );
}
