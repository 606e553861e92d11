import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('reads the contract: scenario, participants, duration (20 s when left out)', () => {
    expect(parseBenchArgs(['--scenario', 'plenary', '--participants', '300'])).toEqual({ scenario: 'plenary', participants: 300, duration: 20, processes: 1 });
    expect(parseBenchArgs(['--scenario', 'groups', '--participants', '150', '--duration', '5', '--out', '/tmp/x'])).toEqual({ scenario: 'groups', participants: 150, duration: 5, processes: 1, out: '/tmp/x' });
  });

  it('refuses an unknown scenario, a missing or fractional count and unknown flags, naming the flag', () => {
    expect(() => parseBenchArgs(['--scenario', 'storm', '--participants', '3'])).toThrow(/--scenario/);
    expect(() => parseBenchArgs(['--scenario', 'plenary'])).toThrow(/--participants/);
    expect(() => parseBenchArgs(['--scenario', 'plenary', '--participants', '2.5'])).toThrow(/--participants/);
    expect(() => parseBenchArgs(['--scenario', 'plenary', '--participants', '5', '--duration', '0'])).toThrow(/--duration/);
    expect(() => parseBenchArgs(['--scenario', 'plenary', '--participants', '5', '--speed', 'max'])).toThrow();
  });

  it('runs Verksted as one process or several (1–8)', () => {
    expect(parseBenchArgs(['--scenario', 'many', '--participants', '300', '--processes', '3']).processes).toBe(3);
    expect(() => parseBenchArgs(['--scenario', 'many', '--participants', '300', '--processes', '0'])).toThrow(/--processes/);
    expect(() => parseBenchArgs(['--scenario', 'many', '--participants', '300', '--processes', '1.5'])).toThrow(/--processes/);
  });

  it('needs a participant per session in many and two people per board in groups', () => {
    expect(() => parseBenchArgs(['--scenario', 'many', '--participants', '19'])).toThrow(/20 sessions/);
    expect(parseBenchArgs(['--scenario', 'many', '--participants', '20']).participants).toBe(20);
    expect(() => parseBenchArgs(['--scenario', 'groups', '--participants', '1'])).toThrow(/groups/);
  });
});
