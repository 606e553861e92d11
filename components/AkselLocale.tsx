'use client';

import { Provider } from '@navikt/ds-react';
import { en, nb, nn } from '@navikt/ds-react/locales';
import { useLocale } from 'next-intl';
import type { ReactNode } from 'react';

const akselLocales = { nb, nn, en } as const;

/** Aksel's own words (close buttons, the date picker, "Vis mer") in the page's language, not always bokmål. */
export function AkselLocale({ children }: { children: ReactNode }) {
  return <Provider locale={akselLocales[useLocale()]}>{children}</Provider>;
}
