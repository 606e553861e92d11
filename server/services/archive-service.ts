import type { ArchiveStatus } from '@/lib/archive-status';
import { archiveRetryDelaysMs, archiveStatusSchema } from '@/lib/archive-status';
import { toSnapshot } from './live-service';
import type { Logger } from '../logger';
import type { ArchiveMarks } from './archive-marks';
import type { BoardArchive, BoardArchiveReport } from './board-archive';
import { createKeyedQueue } from './keyed-queue';
import type { SupervisionOutcomeService } from './supervision-outcome';

interface Deps {
  live: { byId(sessionId: string): Promise<Parameters<BoardArchive['archive']>[0] | null | undefined> };
  boardArchive: BoardArchive;
  supervisionOutcome: SupervisionOutcomeService;
  log: Logger;
  /** Where requests and statuses outlive this process. */
  marks: ArchiveMarks;
  /** Waits before each retry; the length is the number of retries. */
  retryDelaysMs?: readonly number[];
}

type StatusListener = (status: ArchiveStatus) => void;

/**
 * Runs the archive of a session (boards and clusters, or a kollegaveiledning's case and round
 * notes, also one run inside a workshop), one run at a time per session. A failed attempt is
 * retried with backoff; every step is published so facilitators see it, and the last status
 * is kept for a console that opens later, in memory and in the database.
 *
 * Every request is counted in the database before its run, and a saved attempt lowers the count
 * by the requests it covered, so a run cut short (by `close`, a crash, or retries used up) leaves
 * the session marked and `resumePending` archives it at the next start.
 */
export function createArchiveService({ live, boardArchive, supervisionOutcome, log, marks, retryDelaysMs = archiveRetryDelaysMs }: Deps) {
  const serially = createKeyedQueue();
  const queued = new Map<string, Promise<ArchiveStatus>>();
  const latest = new Map<string, ArchiveStatus>();
  const listeners = new Set<StatusListener>();
  // Silent-writing drafts still being merged into their boards are waited for before reading boards.
  let contentSettled: (sessionId: string) => Promise<void> = () => Promise.resolve();
  /** Runs and request marks still using the database: `close` waits for them. */
  const inFlight = new Set<Promise<unknown>>();
  /** Ends a retry's backoff early; `close` calls them all. */
  const wakers = new Set<() => void>();
  let closed = false;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    const done = () => void inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  /** Waits `ms` before a retry, or less when the service closes meanwhile. */
  function backoff(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });
  }

  function statusOf(sessionId: string, state: ArchiveStatus['state'], n: number, report?: BoardArchiveReport): ArchiveStatus {
    const previous = latest.get(sessionId);
    return {
      sessionId,
      state,
      attempt: n,
      kept: report?.kept ?? previous?.kept ?? 0,
      skippedEntries: report?.skippedEntries ?? previous?.skippedEntries ?? 0,
      unreadableBoards: report?.unreadableBoards ?? previous?.unreadableBoards ?? 0,
      at: Date.now(),
    };
  }

  /** What a run stopped by `close` answers: it will be retried, by the next start. Not published. */
  const cutShort = (sessionId: string, n: number) => statusOf(sessionId, 'retrying', Math.max(1, n));

  /** Publishes a status and keeps it in the database; a saved one lowers the request count. */
  async function report(status: ArchiveStatus, covered?: number): Promise<void> {
    publish(status);
    try {
      await marks.record(status, covered);
    } catch (err) {
      // The session stays marked at worst, and is archived again at the next start.
      log.warn({ err, sessionId: status.sessionId, state: status.state }, 'archive status could not be stored');
    }
  }

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
    for (let n = 1; ; n++) {
      if (closed) return cutShort(sessionId, n - 1);
      await report(statusOf(sessionId, 'running', n));
      try {
        // Read before the attempt reads anything: requests made after this are not covered.
        const covered = await marks.requested(sessionId);
        const done = statusOf(sessionId, 'saved', n, await attempt(sessionId));
        await report(done, covered);
        return done;
      } catch (err) {
        const delay = retryDelaysMs[n - 1];
        log.error({ err, sessionId, attempt: n, willRetry: delay !== undefined }, 'archiving failed');
        if (delay === undefined) {
          const failed = statusOf(sessionId, 'failed', n);
          await report(failed);
          return failed;
        }
        await report(statusOf(sessionId, 'retrying', n));
        await backoff(delay);
      }
    }
  }

  /** Runs after any run in progress; requests that arrive while it waits share it. */
  function enqueue(sessionId: string): Promise<ArchiveStatus> {
    const waiting = queued.get(sessionId);
    if (waiting) return waiting;
    const run = serially(sessionId, () => {
      queued.delete(sessionId);
      return runWithRetries(sessionId);
    });
    queued.set(sessionId, run);
    return run;
  }

  return {
    /**
     * Archives after any run in progress for the session; never rejects. Requests that arrive
     * while a run waits share it: it has not read anything yet, so it archives their state too.
     * After `close` the request is only marked, for the next start.
     */
    archive(sessionId: string): Promise<ArchiveStatus> {
      return track(
        (async () => {
          try {
            await marks.request(sessionId);
          } catch (err) {
            log.error({ err, sessionId }, 'archive request could not be marked');
          }
          return closed ? cutShort(sessionId, latest.get(sessionId)?.attempt ?? 1) : enqueue(sessionId);
        })(),
      );
    },
    /**
     * Archives every session whose archive no saved run covered (the last stop or crash cut it
     * short, or its retries ran out), one after another. Called once at start, not awaited.
     */
    resumePending(): Promise<void> {
      return track(
        (async () => {
          const sessionIds = await marks.pending().catch((err: unknown) => {
            log.error({ err }, 'sessions left to archive could not be read');
            return [];
          });
          if (sessionIds.length > 0) log.info({ sessions: sessionIds.length }, 'archiving sessions the last stop cut short');
          for (const sessionId of sessionIds) {
            if (closed) return;
            await enqueue(sessionId);
          }
        })(),
      );
    },
    /**
     * The last status for the session: the newer of this process's and the one stored with the
     * session (a console opened after a restart, or on another process, still sees it).
     */
    status(session: { id: string; archiveStatus?: unknown }): ArchiveStatus | null {
      const parsed = archiveStatusSchema.safeParse(session.archiveStatus);
      const stored = parsed.success && parsed.data.sessionId === session.id ? parsed.data : null;
      const mine = latest.get(session.id) ?? null;
      return mine && (!stored || mine.at >= stored.at) ? mine : stored;
    },
    /**
     * Stops archiving before the database closes: a retry waiting out its backoff is dropped and
     * no new attempt starts (those sessions stay marked for the next start); an attempt already
     * running is waited for, so it never meets a closed database.
     */
    async close(): Promise<void> {
      closed = true;
      for (const wake of [...wakers]) wake();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
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
