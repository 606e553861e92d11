'use client';

import { Alert, BodyShort, Button, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { clientEvents } from '@/lib/protocol';
import type { useLiveSession } from './use-live-session';

/**
 * Tells the facilitator when boards and notes could not be kept as feedback, or were kept only
 * in part, with a way to try again. Nothing shows while archiving goes well.
 */
export function ArchiveStatusBanner({ live, sessionId }: { live: ReturnType<typeof useLiveSession>; sessionId: string }) {
  const t = useTranslations('console.archive');
  const [busy, setBusy] = useState(false);
  const status = live.archive;
  if (!status) return null;

  async function tryAgain() {
    setBusy(true);
    // The outcome arrives as an archive:status event too; the ack only ends the busy state.
    await live.call(clientEvents.archiveRetry, { sessionId });
    setBusy(false);
  }

  const partial = status.state === 'saved' && (status.skippedEntries > 0 || status.unreadableBoards > 0);
  if (status.state === 'failed') {
    return (
      <Alert variant="error" data-testid="archive-status" data-state={status.state}>
        <VStack gap="space-8" align="start">
          <BodyShort>{t('failed')}</BodyShort>
          <Button size="small" variant="secondary" onClick={tryAgain} loading={busy}>
            {t('tryAgain')}
          </Button>
        </VStack>
      </Alert>
    );
  }
  if (status.state === 'retrying') {
    return (
      <Alert variant="warning" data-testid="archive-status" data-state={status.state}>
        {t('retrying', { attempt: status.attempt })}
      </Alert>
    );
  }
  if (!partial) return null;
  return (
    <Alert variant="warning" data-testid="archive-status" data-state="partial">
      {status.skippedEntries > 0 && <BodyShort>{t('skipped', { count: status.skippedEntries })}</BodyShort>}
      {status.unreadableBoards > 0 && <BodyShort>{t('unreadable', { count: status.unreadableBoards })}</BodyShort>}
    </Alert>
  );
}
