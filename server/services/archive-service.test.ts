import { describe, expect, it } from 'vitest';
import type { LiveSessionRow } from '@/db/schema';
import type { ArchiveStatus } from '@/lib/archive-status';
import { createLogger } from '../logger';
import { createArchiveService } from './archive-service';
import type { BoardArchive } from './board-archive';
import type { SupervisionOutcomeService } from './supervision-outcome';

const session = { id: '00000000-0000-4000-8000-000000000001', kind: 'workshop', state: { joinOpen: true, message: null, workshop: null, supervision: null, qsort: null } } as unknown as LiveSessionRow;

/** The service over an in-memory archive that fails `failures` times, then keeps 3 items. */
function service(failures: number, retryDelaysMs = [1, 1]) {
  const calls = { archive: 0 };
  const statuses: ArchiveStatus[] = [];
  const boardArchive = {
    async archive() {
      calls.archive += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (calls.archive <= failures) throw new Error('database down');
      return { kept: 3, skippedEntries: 1, unreadableBoards: 0 };
    },
  } as unknown as BoardArchive;
  const archive = createArchiveService({
    live: { byId: async () => session },
    boardArchive,
    supervisionOutcome: {} as SupervisionOutcomeService,
    log: createLogger('silent'),
    retryDelaysMs,
  });
  archive.onStatus((s) => statuses.push(s));
  return { archive, calls, statuses };
}

describe('the archive service', () => {
  it('retries a failing archive and reports each step', async () => {
    const { archive, statuses } = service(1);
    expect(await archive.archive(session.id)).toMatchObject({ state: 'saved', attempt: 2, kept: 3, skippedEntries: 1 });
    expect(statuses.map((s) => `${s.state}:${s.attempt}`)).toEqual(['running:1', 'retrying:1', 'running:2', 'saved:2']);
    expect(archive.status(session.id)).toMatchObject({ state: 'saved' });
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
});
