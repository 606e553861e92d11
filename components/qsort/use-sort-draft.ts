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
const TRANSIENT = new Set(['NETWORK', 'NOT_JOINED', 'INTERNAL', 'RATE_LIMITED']);

/**
 * A participant's sort, kept locally and saved whole after every change: one save in flight
 * at a time, always of the newest state, each with a growing revision so the server never
 * lets an older save overwrite a newer one; a lost connection retries until it is stored. A
 * reload (or another device) starts from what the server has; a reconnect keeps what was
 * done offline.
 */
export function useSortDraft(live: ReturnType<typeof useLiveSession>, runtime: QsortRuntime) {
  const { call, status: connection } = live;
  const [state, setState] = useState<SortState | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<AppError | null>(null);
  const pending = useRef<{ state: SortState; rev: number } | null>(null);
  const rev = useRef(0);
  const acked = useRef(0);
  const loop = useRef<Promise<void> | null>(null);
  const grid = runtime.grid;

  useEffect(() => {
    if (connection !== 'connected') return;
    void call(clientEvents.qsortMine, {}).then((r) => {
      if (!r.ok) return;
      rev.current = Math.max(rev.current, r.data?.rev ?? 0);
      setState((local) => local ?? r.data?.state ?? emptySort(grid));
    });
  }, [call, connection, grid]);

  const drain = useCallback(async () => {
    let refused = false;
    while (pending.current) {
      const sending = pending.current;
      setSaveStatus('saving');
      const result = await call(clientEvents.qsortSave, sending);
      if (result.ok) {
        acked.current = Math.max(acked.current, sending.rev);
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
    setSaveStatus(refused ? 'idle' : 'saved');
  }, [call]);

  /** Queues the newest state for saving; resolves when everything queued has been handled. */
  const enqueue = useCallback((next: SortState): Promise<number> => {
    rev.current += 1;
    pending.current = { state: next, rev: rev.current };
    const mine = rev.current;
    if (!loop.current) {
      loop.current = drain().finally(() => {
        loop.current = null;
      });
    }
    return loop.current.then(() => mine);
  }, [drain]);

  /** Applies a change locally at once and saves it. */
  const change = useCallback((next: SortState) => {
    setState(next);
    void enqueue(next);
  }, [enqueue]);

  // After a reconnect, whatever is still unsaved goes out again.
  useEffect(() => {
    if (connection === 'connected' && pending.current && !loop.current) void enqueue(pending.current.state);
  }, [connection, enqueue]);

  /** Submits through the same queue: the thanks show only once the submission is stored. */
  const submit = useCallback(async (current: SortState): Promise<boolean> => {
    const submitted: SortState = { ...current, step: 'done' };
    const mine = await enqueue(submitted);
    if (acked.current < mine) return false;
    setState(submitted);
    return true;
  }, [enqueue]);

  return { state, change, submit, saveStatus, error };
}
