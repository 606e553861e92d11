'use client';

import { Alert, Button, HStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { clientEvents } from '@/lib/protocol';

/** "I need help": a quiet signal to the facilitator, with the statement in question if any. */
export function HelpButton({ live, statement }: { live: ReturnType<typeof useLiveSession>; statement: string | null }) {
  const t = useTranslations('qsort');
  const [asked, setAsked] = useState(false);
  const ask = async (on: boolean) => {
    const result = await live.call(clientEvents.qsortHelp, { statement, on });
    if (result.ok) setAsked(on);
  };
  return asked ? (
    <Alert variant="info" size="small" role="status">
      <HStack gap="space-8" align="center" justify="space-between">
        <span>{t('helpSent')}</span>
        <Button size="xsmall" variant="tertiary" onClick={() => void ask(false)}>{t('helpCancel')}</Button>
      </HStack>
    </Alert>
  ) : (
    <Button size="small" variant="secondary-neutral" onClick={() => void ask(true)}>{statement ? t('helpWith', { id: statement }) : t('help')}</Button>
  );
}
