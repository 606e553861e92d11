import { describe, expect, it } from 'vitest';
import { chronological, findingChanges } from './finding-changes';

describe('finding changes since the last workshop', () => {
  const counts = (k: number, n: number, a: number) => ({ kjenner_igjen: k, nyanserer: n, avkrefter: a });
  const change = (id: string, iso: string) => ({ id, fromStatus: 'forelopig', toStatus: 'nyansert', note: id, changedAt: new Date(iso), changedBy: 'Ingrid' });

  it('compares the two latest workshops in percentage points and lists the status changes since the latest', () => {
    const sources = [
      { key: 'w2', title: 'Verksted 2', date: '2026-06-01', counts: counts(1, 3, 0) },
      { key: 'w1', title: 'Verksted 1', date: '2026-03-01', counts: counts(3, 1, 0) },
    ];
    const result = findingChanges(sources, [change('etter', '2026-06-02T10:00:00Z'), change('før', '2026-03-05T10:00:00Z'), change('samme dag', '2026-06-01T15:00:00Z')]);
    expect(result.latest?.key).toBe('w2');
    expect(result.previous?.key).toBe('w1');
    expect(result.shift).toEqual({ kjenner_igjen: -50, nyanserer: 50, avkrefter: 0 });
    expect(result.changesSince.map((c) => c.id)).toEqual(['samme dag', 'etter']);
    expect(chronological(sources).map((s) => s.key)).toEqual(['w1', 'w2']);
  });

  it('has nothing to compare with one workshop or none', () => {
    expect(findingChanges([{ key: 'w1', title: null, date: null, counts: counts(1, 0, 0) }], [change('a', '2026-01-01T00:00:00Z')])).toMatchObject({ previous: null, shift: null, changesSince: [{ id: 'a' }] });
    expect(findingChanges([], [change('a', '2026-01-01T00:00:00Z')])).toEqual({ latest: null, previous: null, shift: null, changesSince: [] });
  });
});
