'use client';

import { ExternalLinkIcon } from '@navikt/aksel-icons';
import { Button, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { ScreenPager } from './ScreenPager';
import { openScreenWindow } from './use-console-shortcuts';
import { ariaKeys } from './shortcuts';

/** One click to the big screen (its own window) and the shortcut help, with the screen's page turner under them. */
export function ScreenButtons({ screenUrl, onHelp, onTurn }: { screenUrl: string; onHelp: () => void; onTurn: (step: 1 | -1) => void }) {
  const t = useTranslations('controlRoom');
  return (
    <VStack gap="space-8" justify="center" className="rounded-xl bg-ax-bg-raised p-3 shadow-sm">
      <HStack gap="space-8" align="center">
        <Button type="button" variant="primary" icon={<ExternalLinkIcon aria-hidden />} aria-keyshortcuts={ariaKeys('screen')} title={t('openScreenHelp')} onClick={() => openScreenWindow(screenUrl)}>
          {t('openScreen')}
        </Button>
        <Button type="button" variant="tertiary-neutral" aria-keyshortcuts={ariaKeys('help')} onClick={onHelp} icon={<kbd aria-hidden className="font-sans text-lg font-semibold">?</kbd>}>
          {t('shortcuts.button')}
        </Button>
      </HStack>
      <ScreenPager onTurn={onTurn} />
    </VStack>
  );
}
