import { describe, expect, it } from 'vitest';
import { eventually } from '../../test/retry';
import type { LiveSessionRow } from '@/db/schema';
import type { ArchiveStatus } from '@/lib/archive-status';
import { createLogger } from '../logger';
import type { ArchiveMarks } from './archive-marks';
import { createArchiveService } from './archive-service';
import type { BoardArchive } from './board-archive';
import type { SupervisionOutcomeService } from './supervision-outcome';

const session = { id: '00000000-0000-4000-8000-000000000001', kind: 'workshop', state: { joinOpen: true, message: null, workshop: null, supervision: null, qsort: null } } as unknown as LiveSessionRow;

/** The database's archive marks, kept in memory. */
function memoryMarks() {
  const pending = new Map<string, number>();
  const stored = new Map<string, ArchiveStatus>();
  const marks: ArchiveMarks = {
    request: async (id) => void pending.set(id, (pending.get(id) ?? 0) + 1),
    requested: async (id) => pending.get(id) ?? 0,
    async record(status, covered) {
      stored.set(status.sessionId, status);
      if (covered !== undefined) pending.set(status.sessionId, Math.max(0, (pending.get(status.sessionId) ?? 0) - covered));
    },
    pending: async () => [...pending].filter(([, n]) => n > 0).map(([id]) => id),
  };
  return { marks, pending, stored };
}

/**
 * The service over an in-memory archive that fails `failures` times, then keeps 3 items. With
 * `gate`, every attempt waits for it before reading.
 */
function service(failures: number, retryDelaysMs = [1, 1], gate?: Promise<void>) {
  const calls = { archive: 0 };
  const statuses: ArchiveStatus[] = [];
  const boardArchive = {
    async archive() {
      calls.archive += 1;
      await (gate ?? new Promise((resolve) => setTimeout(resolve, 5)));
      if (calls.archive <= failures) throw new Error('database down');
      return { kept: 3, skippedEntries: 1, unreadableBoards: 0 };
    },
  } as unknown as BoardArchive;
  const memory = memoryMarks();
  const archive = createArchiveService({
    live: { byId: async () => session },
    boardArchive,
    supervisionOutcome: {} as SupervisionOutcomeService,
    log: createLogger('silent'),
    marks: memory.marks,
    retryDelaysMs,
  });
  archive.onStatus((s) => statuses.push(s));
  return { archive, calls, statuses, ...memory };
}

describe('the archive service', () => {
  it('retries a failing archive and reports each step', async () => {
    const { archive, statuses } = service(1);
    expect(await archive.archive(session.id)).toMatchObject({ state: 'saved', attempt: 2, kept: 3, skippedEntries: 1 });
    expect(statuses.map((s) => `${s.state}:${s.attempt}`)).toEqual(['running:1', 'retrying:1', 'running:2', 'saved:2']);
    expect(archive.status(session)).toMatchObject({ state: 'saved' });
  });

  it('reports failed once the retries are used up', async () => {
    const { archive, calls } = service(10);
    expect(await archive.archive(session.id)).toMatchObject({ state: 'failed', attempt: 3, kept: 0 });
    expect(calls.archive).toBe(3);
  });

  it('lets requests that arrive while a run waits share that run', async () => {
    const { archive, calls } = service(0);
    const first = archive.archive(session.id);
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first has started reading
    const done = await Promise.all([first, archive.archive(session.id), archive.archive(session.id), archive.archive(session.id)]);
    expect(done.every((s) => s.state === 'saved')).toBe(true);
    // The first runs at once; the other three wait behind it and become one run.
    expect(calls.archive).toBe(2);
  });

  it('stops at close: a retry in backoff is dropped and its session stays marked for the next start', async () => {
    const { archive, calls, statuses, pending, stored } = service(1, [60_000]);
    const run = archive.archive(session.id);
    await eventually(() => expect(statuses.at(-1)?.state).toBe('retrying'));
    const closedAt = Date.now();
    await archive.close();
    expect(Date.now() - closedAt).toBeLessThan(30_000); // not the minute of backoff
    expect(await run).toMatchObject({ state: 'retrying', attempt: 1 });
    expect(calls.archive).toBe(1);
    expect(pending.get(session.id)).toBe(1);
    expect(stored.get(session.id)).toMatchObject({ state: 'retrying' });
    // A request after close is only marked.
    expect(await archive.archive(session.id)).toMatchObject({ state: 'retrying' });
    expect(calls.archive).toBe(1);
    expect(pending.get(session.id)).toBe(2);
  });

  it('waits at close for an attempt already running, which then saves and clears the mark', async () => {
    let release!: () => void;
    const { archive, pending, stored } = service(0, [1], new Promise<void>((resolve) => (release = resolve)));
    const run = archive.archive(session.id);
    await eventually(() => expect(stored.get(session.id)?.state).toBe('running'));
    let closed = false;
    const closing = archive.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(await run).toMatchObject({ state: 'saved', kept: 3 });
    expect(pending.get(session.id)).toBe(0);
  });

  it('archives at start what was left marked, and keeps a request made during an attempt marked', async () => {
    let release!: () => void;
    const { archive, calls, pending, marks } = service(0, [1], new Promise<void>((resolve) => (release = resolve)));
    await marks.request(session.id);
    const resumed = archive.resumePending();
    await eventually(() => expect(calls.archive).toBe(1));
    // Asked again while the attempt reads: that request is not covered by it.
    const again = archive.archive(session.id);
    release();
    await resumed;
    expect(await again).toMatchObject({ state: 'saved' });
    expect(calls.archive).toBe(2);
    expect(pending.get(session.id)).toBe(0);
  });

  it('tells a console the status stored with the session when this process has none', () => {
    const { archive } = service(0);
    const stored: ArchiveStatus = { sessionId: session.id, state: 'failed', attempt: 4, kept: 2, skippedEntries: 0, unreadableBoards: 0, at: 1 };
    expect(archive.status({ id: session.id, archiveStatus: stored })).toEqual(stored);
    expect(archive.status({ id: session.id, archiveStatus: { state: 'nonsense' } })).toBeNull();
    expect(archive.status({ id: session.id, archiveStatus: null })).toBeNull();
  });
});
