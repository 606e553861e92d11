'use client';

import { Alert } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { AppError } from '@/lib/errors';
import type { ConnectionStatus } from './use-live-session';

/** A calm notice while the connection is down; nothing is lost, the client reconnects itself. */
export function ConnectionBanner({ status, error }: { status: ConnectionStatus; error: AppError | null }) {
  const t = useTranslations('participant');
  const tErrors = useTranslations('errors');
  if (status === 'failed' && error) return <Alert variant="warning">{tErrors(error.code)}</Alert>;
  if (status === 'reconnecting') {
    return (
      <Alert variant="info" size="small" role="status">
        {t('reconnecting')}
      </Alert>
    );
  }
  return null;
}
