import { describe, expect, it } from 'vitest';
import type { AgendaActivity } from './agenda';
import { startWorkshop, type WorkshopRuntime } from './runtime';
import { silentEndsAt, silentFor } from './silent';

const agenda: AgendaActivity[] = [
  { id: 'r1', kind: 'reflection', title: 'Grupper', config: { prompt: 'Hva?', groupSize: 4, grouping: 'random', attribute: '', minutes: 15, silentFirst: true, silentMinutes: 5 } },
  { id: 'p1', kind: 'plenary', title: 'Plenum', config: { dotVotes: 3, wordCloudQuestion: 'Ett ord?' } },
];
const base = startWorkshop({ workshopId: '00000000-0000-4000-8000-00000000000a', allowNames: false, minRevealCount: 3, activities: agenda });
const silentAt = (endsAt: number | null, extra: Partial<WorkshopRuntime> = {}): WorkshopRuntime => ({
  ...base,
  current: 0,
  silent: true,
  timer: { endsAt, remainingMs: endsAt === null ? 60_000 : null, durationMs: 300_000 },
  ...extra,
});

describe('silent writing on the server', () => {
  it('lasts for the current reflection until its time runs out', () => {
    const rt = silentAt(1000);
    expect(silentFor(rt, 'open', 'r1', 999)).toBe(true);
    expect(silentFor(rt, 'open', 'r1', 1000)).toBe(false);
    expect(silentFor(rt, 'open', 'p1', 999)).toBe(false);
    expect(silentEndsAt(rt, 'open', 0)).toBe(1000);
    expect(silentEndsAt(rt, 'open', 1000)).toBeNull();
  });

  it('ends when ended, revealed (silent off), the agenda moves on, or the session ends', () => {
    expect(silentFor(silentAt(1000, { silent: false }), 'open', 'r1', 0)).toBe(false);
    expect(silentFor(silentAt(1000, { current: 1 }), 'open', 'r1', 0)).toBe(false);
    expect(silentFor(silentAt(1000), 'ended', 'r1', 0)).toBe(false);
    expect(silentFor(undefined, 'open', 'r1', 0)).toBe(false);
  });

  it('a paused timer keeps it going with nothing to wait for', () => {
    const rt = silentAt(null);
    expect(silentFor(rt, 'open', 'r1', 10_000_000)).toBe(true);
    expect(silentEndsAt(rt, 'open', 0)).toBeNull();
  });
});
