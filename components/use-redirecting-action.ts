'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/app/_actions/result';
import type { AppError } from '@/lib/errors';
import { isRedirect } from './AccountForm';

/**
 * Runs a server action that redirects when it succeeds (start a meeting, copy a template…):
 * a refusal becomes `error`, a lost request a NETWORK error; Next's redirect passes through.
 */
export function useRedirectingAction() {
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      try {
        const result = await action();
        setError(result.ok ? null : result.error);
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  return { run, pending, error };
}
