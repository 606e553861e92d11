'use client';

import { ExternalLinkIcon } from '@navikt/aksel-icons';
import { Button, HStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { ariaKeys } from './shortcuts';
import { openScreenWindow } from './use-console-shortcuts';

/** One click to the big screen (its own window), and the shortcut help beside it. */
export function ScreenButtons({ screenUrl, onHelp }: { screenUrl: string; onHelp: () => void }) {
  const t = useTranslations('controlRoom');
  return (
    <HStack gap="space-8" align="center" className="rounded-xl bg-ax-bg-raised p-3 shadow-sm">
      <Button type="button" variant="primary" icon={<ExternalLinkIcon aria-hidden />} aria-keyshortcuts={ariaKeys('screen')} title={t('openScreenHelp')} onClick={() => openScreenWindow(screenUrl)}>
        {t('openScreen')}
      </Button>
      <Button type="button" variant="tertiary-neutral" aria-keyshortcuts={ariaKeys('help')} onClick={onHelp} icon={<kbd aria-hidden className="font-sans text-lg font-semibold">?</kbd>}>
        {t('shortcuts.button')}
      </Button>
    </HStack>
  );
}
