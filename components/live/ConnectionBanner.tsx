'use client';

import { Alert, Heading } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { AppError } from '@/lib/errors';
import type { ConnectionStatus } from './use-live-session';

/**
 * Says plainly when this device is not connected, so nobody trusts a count or a "Lagrer" that is
 * no longer live; nothing typed is lost, and the client reconnects by itself.
 */
export function ConnectionBanner({ status, error }: { status: ConnectionStatus; error: AppError | null }) {
  const t = useTranslations('participant');
  const tPhone = useTranslations('phone');
  const tErrors = useTranslations('errors');
  if (status === 'failed' && error) return <Alert variant="warning">{tErrors(error.code)}</Alert>;
  if (status === 'reconnecting' || status === 'offline') {
    return (
      <Alert variant="warning" size="small" role="status" data-testid="connection-lost">
        <Heading level="2" size="xsmall">{tPhone('offlineHeading')}</Heading>
        {status === 'offline' ? tPhone('offline') : t('reconnecting')}
      </Alert>
    );
  }
  return null;
}
