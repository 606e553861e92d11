import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuPct, cpuTicksOf, rssMbOf } from './proc';

describe('reading /proc', () => {
  it('takes VmRSS from status', () => {
    expect(rssMbOf('Name:\tnode\nVmPeak:\t 999999 kB\nVmRSS:\t  524288 kB\nThreads:\t11\n')).toBe(512);
    expect(() => rssMbOf('Name:\tnode\n')).toThrow(/VmRSS/);
  });

  it('adds utime and stime from stat, even with spaces and parentheses in the command name', () => {
    // Fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    expect(cpuTicksOf('4242 (node (x) y) S 1 2 3 4 5 6 7 8 9 10 1500 250 0 0 20 0 11')).toBe(1750);
  });

  it('reads this very process', () => {
    expect(rssMbOf(readFileSync('/proc/self/status', 'utf8'))).toBeGreaterThan(1);
    expect(cpuTicksOf(readFileSync('/proc/self/stat', 'utf8'))).toBeGreaterThan(0);
  });

  it('turns ticks over a wall time into a share of one core', () => {
    expect(cpuPct(100, 250, 3000, 100)).toBe(50);
    expect(cpuPct(0, 400, 2000, 100)).toBe(200);
  });
});
