'use client';

import { ChevronLeftIcon, ChevronRightIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, HStack } from '@navikt/ds-react';
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { ariaKeys } from './shortcuts';

/**
 * Turns the big screen's pages (comments, themes, factors, the summary) from the console, so
 * the facilitator holds a page while the room talks about it and need not stand at the
 * projector. Each turn is a session command (`turnScreenPage`), shown on every screen.
 */
export function ScreenPager({ onTurn }: { onTurn: (step: 1 | -1) => void }) {
  const t = useTranslations('controlRoom.pager');
  const label = useId();
  return (
    <HStack gap="space-4" align="center" role="group" aria-labelledby={label} data-testid="screen-pager">
      <BodyShort as="span" id={label} size="small" className="mr-1 text-ax-text-neutral-subtle">{t('label')}</BodyShort>
      <Button type="button" size="small" variant="secondary-neutral" icon={<ChevronLeftIcon aria-hidden />} aria-keyshortcuts={ariaKeys('screenPrevious')} onClick={() => onTurn(-1)}>
        {t('previous')}
      </Button>
      <Button type="button" size="small" variant="secondary-neutral" icon={<ChevronRightIcon aria-hidden />} iconPosition="right" aria-keyshortcuts={ariaKeys('screenNext')} onClick={() => onTurn(1)}>
        {t('next')}
      </Button>
    </HStack>
  );
}
