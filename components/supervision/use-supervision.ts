'use client';

import { useCallback } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import type { AppError } from '@/lib/errors';
import { clientEvents } from '@/lib/protocol';
import type { SupervisionCommand } from '@/lib/supervision/engine';
import type { OutcomeInput } from '@/lib/supervision/outcome';

/** Sending kollegaveiledning commands and outcome; each answers with the error, or null. */
export function useSupervision(live: ReturnType<typeof useLiveSession>, onError: (e: AppError | null) => void) {
  const { send, call } = live;
  const command = useCallback(async (c: SupervisionCommand): Promise<AppError | null> => {
    const result = await send({ type: 'supervision', command: c });
    return result.ok ? null : result.error;
  }, [send]);
  /** For buttons: shows a refusal in the view's error area. */
  const run = useCallback((c: SupervisionCommand) => void command(c).then(onError), [command, onError]);
  const save = useCallback(async (input: OutcomeInput): Promise<AppError | null> => {
    const result = await call(clientEvents.supervisionOutcome, input);
    return result.ok ? null : result.error;
  }, [call]);
  return { command, run, save };
}
