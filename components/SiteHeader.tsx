'use client';

import { InternalHeader, Spacer } from '@navikt/ds-react';
import { LeaveIcon } from '@navikt/aksel-icons';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { signOutAction } from '@/app/_actions/auth-actions';
import { LanguageMenu } from './LanguageMenu';

export function SiteHeader({ userName }: { userName: string | null }) {
  const t = useTranslations('header');

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
      <LanguageMenu />
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
