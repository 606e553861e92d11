'use client';

import { ActionMenu, InternalHeader } from '@navikt/ds-react';
import { LanguageIcon } from '@navikt/aksel-icons';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setLocaleAction } from '@/app/_actions/auth-actions';
import { isLocale, locales } from '@/i18n/locales';

/**
 * Bokmål, nynorsk or English, on every page (participants' phones too). Each language is
 * named in itself and marked with its `lang`, so a reader finds their own and a screen reader
 * says it right. The choice is kept in a cookie (no locale in the URL: join links stay short).
 */
export function LanguageMenu() {
  const t = useTranslations('header');
  const tLang = useTranslations('language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Controlled: a radio item keeps Aksel's menu open (and the page behind it inert), so a choice closes it here.
  const [open, setOpen] = useState(false);

  const choose = (next: string) => {
    setOpen(false);
    if (!isLocale(next) || next === locale) return;
    startTransition(async () => {
      await setLocaleAction(next);
      router.refresh();
    });
  };

  return (
    <ActionMenu open={open} onOpenChange={setOpen}>
      <ActionMenu.Trigger>
        <InternalHeader.Button aria-label={`${t('language')}: ${tLang(locale)}`} aria-busy={pending || undefined}>
          <LanguageIcon aria-hidden fontSize="1.5rem" />
          <span className="hidden sm:inline">{tLang(locale)}</span>
        </InternalHeader.Button>
      </ActionMenu.Trigger>
      <ActionMenu.Content>
        <ActionMenu.RadioGroup label={t('language')} value={locale} onValueChange={choose}>
          {locales.map((l) => (
            <ActionMenu.RadioItem key={l} value={l} lang={l}>
              {tLang(l)}
            </ActionMenu.RadioItem>
          ))}
        </ActionMenu.RadioGroup>
      </ActionMenu.Content>
    </ActionMenu>
  );
}
