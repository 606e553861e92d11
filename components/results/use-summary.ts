'use client';

import { useEffect, useState } from 'react';
import type { ErrorCode, Result } from '@/lib/errors';
import type { SessionResults } from '@/lib/results/session-results';

export type SummaryState = { status: 'loading' } | { status: 'ready'; results: SessionResults } | { status: 'failed'; code: ErrorCode };

/**
 * Reads a summary route while `enabled`, again whenever `version` (the session's committed
 * version) moves, so a redaction or a hidden item after the end reaches the screen too.
 */
export function useSummary(url: string, enabled: boolean, version: number): SummaryState {
  const [state, setState] = useState<SummaryState>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    fetch(url, { cache: 'no-store', signal: abort.signal })
      .then((r) => r.json() as Promise<Result<SessionResults>>)
      .then((r) => setState(r.ok ? { status: 'ready', results: r.data } : { status: 'failed', code: r.error.code }))
      .catch((err: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', code: err instanceof TypeError ? 'NETWORK' : 'INTERNAL' });
      });
    return () => abort.abort();
  }, [url, enabled, version]);
  return state;
}
