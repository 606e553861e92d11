'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import type { AppError } from '@/lib/errors';
import { clientEvents } from '@/lib/protocol';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { emptySort, type SortState } from '@/lib/qsort/sort';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'retrying';
const RETRY_MS = 2000;
/** Failures that go away by themselves: no connection yet, or the server restarting. */
const TRANSIENT = new Set(['NETWORK', 'NOT_JOINED', 'INTERNAL']);

/**
 * A participant's sort, kept locally and saved whole after every change: one save in flight
 * at a time, always of the newest state; a lost connection retries until it is stored. A
 * reload starts from what the server has; a reconnect keeps what was done offline.
 */
export function useSortDraft(live: ReturnType<typeof useLiveSession>, runtime: QsortRuntime) {
  const { call, status: connection } = live;
  const [state, setState] = useState<SortState | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<AppError | null>(null);
  const pending = useRef<SortState | null>(null);
  const inFlight = useRef(false);
  const grid = runtime.grid;

  useEffect(() => {
    if (connection !== 'connected') return;
    void call<SortState | null>(clientEvents.qsortMine, {}).then((r) => {
      if (r.ok) setState((local) => local ?? r.data ?? emptySort(grid));
    });
  }, [call, connection, grid]);

  const flush = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    let refused = false;
    while (pending.current) {
      const sending = pending.current;
      setSaveStatus('saving');
      const result = await call<{ status: string }>(clientEvents.qsortSave, { state: sending });
      if (result.ok) {
        if (pending.current === sending) pending.current = null;
        setError(null);
      } else if (TRANSIENT.has(result.error.code)) {
        setSaveStatus('retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      } else {
        // A refusal (e.g. personal data in a comment) waits for the next change; nothing is lost locally.
        if (pending.current === sending) pending.current = null;
        setError(result.error);
        refused = true;
      }
    }
    inFlight.current = false;
    setSaveStatus(refused ? 'idle' : 'saved');
  }, [call]);

  /** Applies a change locally at once and saves it. */
  const change = useCallback((next: SortState) => {
    setState(next);
    pending.current = next;
    void flush();
  }, [flush]);

  // After a reconnect, whatever is still unsaved goes out again.
  useEffect(() => {
    if (connection === 'connected' && pending.current) void flush();
  }, [connection, flush]);

  /** Submits: saved and acknowledged before the participant sees the thanks. */
  const submit = useCallback(async (current: SortState): Promise<AppError | null> => {
    const result = await call<{ status: string }>(clientEvents.qsortSave, { state: { ...current, step: 'done' } });
    if (!result.ok) {
      setError(result.error);
      return result.error;
    }
    setError(null);
    setState({ ...current, step: 'done' });
    return null;
  }, [call]);

  return { state, change, submit, saveStatus, error };
}
