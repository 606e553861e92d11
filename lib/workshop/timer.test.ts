import { describe, expect, it } from 'vitest';
import { extendTimer, pauseTimer, remainingMs, resumeTimer, startTimer, timerExpired, timerRunning } from './timer';

describe('timer', () => {
  it('runs, pauses, resumes and extends as endsAt arithmetic', () => {
    const t = startTimer(60_000, 1000);
    expect(t).toEqual({ endsAt: 61_000, remainingMs: null, durationMs: 60_000 });
    expect(remainingMs(t, 31_000)).toBe(30_000);
    const paused = pauseTimer(t, 31_000);
    expect(paused).toEqual({ endsAt: null, remainingMs: 30_000, durationMs: 60_000 });
    expect(remainingMs(paused, 99_000)).toBe(30_000);
    const resumed = resumeTimer(paused, 100_000);
    expect(resumed.endsAt).toBe(130_000);
    expect(extendTimer(resumed, 60_000, 110_000).endsAt).toBe(190_000);
    expect(extendTimer(paused, 60_000, 0).remainingMs).toBe(90_000);
  });

  it('restarts an expired timer from now when extended, and never goes negative', () => {
    const t = startTimer(10_000, 0);
    expect(remainingMs(t, 50_000)).toBe(0);
    expect(timerExpired(t, 10_000)).toBe(true);
    expect(timerRunning(t, 10_000)).toBe(false);
    expect(extendTimer(t, 120_000, 50_000).endsAt).toBe(170_000);
    expect(remainingMs(null, 0)).toBe(0);
    expect(pauseTimer(pauseTimer(t, 5000), 6000)).toEqual(pauseTimer(t, 5000));
  });
});
