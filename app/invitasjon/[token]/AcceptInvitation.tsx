'use client';

import { Alert, Button } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { acceptInvitationAction } from '@/app/_actions/auth-actions';
import type { ErrorCode } from '@/lib/errors';

export function AcceptInvitation({ token, label }: { token: string; label: string }) {
  const t = useTranslations('errors');
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ErrorCode | null>(null);
  return (
    <div className="flex flex-col gap-4">
      {error && <Alert variant="error">{t(error)}</Alert>}
      <div>
        <Button
          loading={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await acceptInvitationAction(token);
              if (result && !result.ok) setError(result.error.code);
            })
          }
        >
          {label}
        </Button>
      </div>
    </div>
  );
}
