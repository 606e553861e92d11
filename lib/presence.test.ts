import { describe, expect, it } from 'vitest';
import { mergePresence, presenceChanges } from './presence';
import type { PresenceEntry } from './protocol';

const entry = (id: string, connected: boolean, displayName: string | null = null): PresenceEntry => ({
  participantId: `00000000-0000-4000-8000-00000000000${id}`,
  displayName,
  connected,
  joinedAt: '2026-11-30T09:00:00.000Z',
});
const counts = { sessionId: '00000000-0000-4000-8000-000000000000', connectedCount: 1, joinedCount: 2 };

describe('presence deltas', () => {
  it('lists only new and changed entries', () => {
    const before = new Map([entry('1', true), entry('2', true, 'Kari')].map((e) => [e.participantId, e]));
    expect(presenceChanges(before, [entry('1', true), entry('2', false, 'Kari'), entry('3', true)])).toEqual([entry('2', false, 'Kari'), entry('3', true)]);
    expect(presenceChanges(before, [entry('1', true), entry('2', true, 'Kari B')])).toEqual([entry('2', true, 'Kari B')]);
    expect(presenceChanges(before, [entry('1', true), entry('2', true, 'Kari')])).toEqual([]);
  });

  it('merges a full list, then changes in join order, and keeps the list on a count-only message', () => {
    const full = mergePresence(null, { ...counts, participants: [entry('1', true), entry('2', true)] });
    expect(full.participants).toEqual([entry('1', true), entry('2', true)]);
    const changed = mergePresence(full, { ...counts, connectedCount: 2, joinedCount: 3, changes: [entry('2', false), entry('3', true)] });
    expect(changed).toEqual({ ...counts, connectedCount: 2, joinedCount: 3, participants: [entry('1', true), entry('2', false), entry('3', true)] });
    expect(mergePresence(changed, { ...counts, connectedCount: 0 })).toMatchObject({ connectedCount: 0, participants: changed.participants });
    expect(mergePresence(null, { ...counts, changes: [entry('1', true)] })).toEqual(counts);
  });
});
