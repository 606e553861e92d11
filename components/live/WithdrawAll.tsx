'use client';

import { Alert, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { clientEvents } from '@/lib/protocol';
import { ConfirmAction } from './ConfirmAction';
import type { useLiveSession } from './use-live-session';

/**
 * A participant takes back everything they wrote in the session, from their own phone. The
 * server acknowledges once it is deleted; `onDone` lets the views drop what they still show.
 */
export function WithdrawAll({ live, onDone }: { live: ReturnType<typeof useLiveSession>; onDone: () => void }) {
  const t = useTranslations('redaction');
  const [done, setDone] = useState(false);
  return (
    <VStack gap="space-8" data-testid="withdraw-all">
      <div>
        <ConfirmAction
          variant="secondary"
          label={t('withdrawAll')}
          title={t('withdrawTitle')}
          body={t('withdrawConfirm')}
          confirm={t('confirmDelete')}
          onConfirm={async () => {
            const r = await live.call(clientEvents.withdrawAll, {});
            if (!r.ok) return r.error;
            setDone(true);
            onDone();
            return null;
          }}
        />
      </div>
      {done && (
        <Alert variant="success" size="small" role="status">
          {t('withdrawn')}
        </Alert>
      )}
    </VStack>
  );
}
