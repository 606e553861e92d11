import type { ArchiveStatus } from '@/lib/archive-status';
import { archiveRetryDelaysMs } from '@/lib/archive-status';
import { toSnapshot } from './live-service';
import type { Logger } from '../logger';
import type { BoardArchive, BoardArchiveReport } from './board-archive';
import { createKeyedQueue } from './keyed-queue';
import type { SupervisionOutcomeService } from './supervision-outcome';

interface Deps {
  live: { byId(sessionId: string): Promise<Parameters<BoardArchive['archive']>[0] | null | undefined> };
  boardArchive: BoardArchive;
  supervisionOutcome: SupervisionOutcomeService;
  log: Logger;
  /** Waits before each retry; the length is the number of retries. */
  retryDelaysMs?: readonly number[];
}

type StatusListener = (status: ArchiveStatus) => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the archive of a session (boards and clusters, or a kollegaveiledning's case and round
 * notes, also one run inside a workshop), one run at a time per session. A failed attempt is
 * retried with backoff; every step is published so facilitators see it, and the last status
 * is kept in memory for a console that opens later.
 */
export function createArchiveService({ live, boardArchive, supervisionOutcome, log, retryDelaysMs = archiveRetryDelaysMs }: Deps) {
  const serially = createKeyedQueue();
  const queued = new Map<string, Promise<ArchiveStatus>>();
  const latest = new Map<string, ArchiveStatus>();
  const listeners = new Set<StatusListener>();
  // Silent-writing drafts still being merged into their boards are waited for before reading boards.
  let contentSettled: (sessionId: string) => Promise<void> = () => Promise.resolve();

  function publish(status: ArchiveStatus) {
    latest.set(status.sessionId, status);
    for (const listener of listeners) {
      try {
        listener(status);
      } catch (err) {
        log.error({ err, sessionId: status.sessionId }, 'archive status listener failed');
      }
    }
  }

  async function attempt(sessionId: string): Promise<BoardArchiveReport> {
    const session = await live.byId(sessionId);
    const empty = { kept: 0, skippedEntries: 0, unreadableBoards: 0 };
    if (!session) return empty;
    if (session.kind === 'kollegaveiledning') return { ...empty, kept: await supervisionOutcome.archive(session) };
    await contentSettled(sessionId);
    const boards = await boardArchive.archive(session);
    const nested = toSnapshot(session).state.supervision ? await supervisionOutcome.archive(session) : 0;
    return { ...boards, kept: boards.kept + nested };
  }

  async function runWithRetries(sessionId: string): Promise<ArchiveStatus> {
    const previous = latest.get(sessionId);
    const status = (state: ArchiveStatus['state'], n: number, report?: BoardArchiveReport): ArchiveStatus => ({
      sessionId,
      state,
      attempt: n,
      kept: report?.kept ?? previous?.kept ?? 0,
      skippedEntries: report?.skippedEntries ?? previous?.skippedEntries ?? 0,
      unreadableBoards: report?.unreadableBoards ?? previous?.unreadableBoards ?? 0,
      at: Date.now(),
    });
    for (let n = 1; ; n++) {
      publish(status('running', n));
      try {
        const report = await attempt(sessionId);
        const done = status('saved', n, report);
        publish(done);
        return done;
      } catch (err) {
        const delay = retryDelaysMs[n - 1];
        log.error({ err, sessionId, attempt: n, willRetry: delay !== undefined }, 'archiving failed');
        if (delay === undefined) {
          const failed = status('failed', n);
          publish(failed);
          return failed;
        }
        publish(status('retrying', n));
        await sleep(delay);
      }
    }
  }

  return {
    /**
     * Archives after any run in progress for the session; never rejects. Requests that arrive
     * while a run waits share it: it has not read anything yet, so it archives their state too.
     */
    archive(sessionId: string): Promise<ArchiveStatus> {
      const waiting = queued.get(sessionId);
      if (waiting) return waiting;
      const run = serially(sessionId, () => {
        queued.delete(sessionId);
        return runWithRetries(sessionId);
      });
      queued.set(sessionId, run);
      return run;
    },
    /** The last status of this process's runs for the session, if any. */
    status(sessionId: string): ArchiveStatus | null {
      return latest.get(sessionId) ?? null;
    },
    /** The content plane tells how to wait for its pending writes (drafts merging into boards). */
    waitForContent(settled: (sessionId: string) => Promise<void>): void {
      contentSettled = settled;
    },
    onStatus(listener: StatusListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type ArchiveService = ReturnType<typeof createArchiveService>;
