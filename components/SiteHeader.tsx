'use client';

import { InternalHeader, Spacer } from '@navikt/ds-react';
import { LanguageIcon, LeaveIcon } from '@navikt/aksel-icons';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { setLocaleAction, signOutAction } from '@/app/_actions/auth-actions';
import { locales } from '@/i18n/locales';

export function SiteHeader({ userName }: { userName: string | null }) {
  const t = useTranslations('header');
  const tLang = useTranslations('language');
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const other = locales.find((l) => l !== locale) ?? 'nb';

  return (
    <InternalHeader>
      <InternalHeader.Title as={Link} href={userName ? '/prosjekter' : '/'}>
        {t('appName')}
      </InternalHeader.Title>
      {userName && (
        <InternalHeader.Title as={Link} href="/prosjekter" className="hidden sm:flex">
          {t('projects')}
        </InternalHeader.Title>
      )}
      <Spacer />
      <InternalHeader.Button
        onClick={() => startTransition(async () => {
          await setLocaleAction(other);
          router.refresh();
        })}
        lang={other}
        aria-label={`${t('language')}: ${tLang(other)}`}
      >
        <LanguageIcon aria-hidden fontSize="1.5rem" />
        <span className="hidden sm:inline">{tLang(other)}</span>
      </InternalHeader.Button>
      {userName ? (
        <form action={signOutAction} className="flex">
          <InternalHeader.Button type="submit">
            <LeaveIcon aria-hidden fontSize="1.5rem" />
            <span className="hidden sm:inline">{t('signOut')}</span>
            <span className="sr-only sm:hidden">{t('signOut')}</span>
          </InternalHeader.Button>
        </form>
      ) : (
        <InternalHeader.Title as={Link} href="/logg-inn">
          {t('signIn')}
        </InternalHeader.Title>
      )}
    </InternalHeader>
  );
}
