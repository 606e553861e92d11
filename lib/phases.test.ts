import { describe, expect, it } from 'vitest';
import { phaseRunningOn } from './phases';

describe('phaseRunningOn', () => {
  const phases = [
    { id: 'a', startsOn: '2026-01-01', endsOn: '2026-03-31' },
    { id: 'b', startsOn: '2026-04-01', endsOn: null },
    { id: 'c', startsOn: '2026-05-01', endsOn: '2026-06-30' },
  ];
  it('finds the phase whose dates include the day, ends inclusive', () => {
    expect(phaseRunningOn(phases, '2026-03-31')?.id).toBe('a');
    expect(phaseRunningOn(phases, '2026-06-01')?.id).toBe('c');
  });
  it('skips phases without both dates and days outside every phase', () => {
    expect(phaseRunningOn(phases, '2026-04-15')).toBeUndefined();
    expect(phaseRunningOn([], '2026-01-01')).toBeUndefined();
  });
});
