import { z } from 'zod';
import { TIMER_MAX_SECONDS, TIMER_MIN_SECONDS } from './timer-minutes';

/**
 * A server-authoritative timer stored as data, never as a running setTimeout: running means
 * `endsAt` is set; paused means `remainingMs` is kept. Any server can read it after a restart,
 * and every client counts down to the same `endsAt`.
 */
export const timerSchema = z.object({
  endsAt: z.number().nullable(),
  remainingMs: z.number().nonnegative().nullable(),
  durationMs: z.number().nonnegative(),
});
export type Timer = z.infer<typeof timerSchema>;

export const startTimer = (durationMs: number, now: number): Timer => ({ endsAt: now + durationMs, remainingMs: null, durationMs });

export function pauseTimer(timer: Timer, now: number): Timer {
  if (timer.endsAt === null) return timer;
  return { ...timer, endsAt: null, remainingMs: Math.max(0, timer.endsAt - now) };
}

export function resumeTimer(timer: Timer, now: number): Timer {
  if (timer.remainingMs === null) return timer;
  return { ...timer, endsAt: now + timer.remainingMs, remainingMs: null };
}

/** Adds time; a timer that has run out starts again from now with the extra time. */
export function extendTimer(timer: Timer, extraMs: number, now: number): Timer {
  if (timer.remainingMs !== null) return { ...timer, remainingMs: timer.remainingMs + extraMs, durationMs: timer.durationMs + extraMs };
  const base = timer.endsAt === null ? now : Math.max(timer.endsAt, now);
  return { ...timer, endsAt: base + extraMs, durationMs: timer.durationMs + extraMs };
}

/** Milliseconds left, never negative. */
export function remainingMs(timer: Timer | null, now: number): number {
  if (!timer) return 0;
  if (timer.remainingMs !== null) return timer.remainingMs;
  return timer.endsAt === null ? 0 : Math.max(0, timer.endsAt - now);
}

export const timerRunning = (timer: Timer | null, now: number) => Boolean(timer && timer.endsAt !== null && timer.endsAt > now);
export const timerExpired = (timer: Timer | null, now: number) => Boolean(timer && timer.endsAt !== null && timer.endsAt <= now);

const timerSeconds = z.number().int().min(TIMER_MIN_SECONDS).max(TIMER_MAX_SECONDS);

/** The timer commands every live activity with a time box shares (workshop, kollegaveiledning). */
export const timerCommandSchemas = [
  z.object({ type: z.literal('timerStart'), seconds: timerSeconds }),
  z.object({ type: z.literal('timerPause') }),
  z.object({ type: z.literal('timerResume') }),
  z.object({ type: z.literal('timerExtend'), seconds: timerSeconds }),
] as const;
export type TimerCommand = z.infer<(typeof timerCommandSchemas)[number]>;

/** The timer after a command; null when there is no timer to pause or resume. */
export function applyTimerCommand(timer: Timer | null, command: TimerCommand, now: number): Timer | null {
  switch (command.type) {
    case 'timerStart':
      return startTimer(command.seconds * 1000, now);
    case 'timerPause':
      return timer ? pauseTimer(timer, now) : null;
    case 'timerResume':
      return timer ? resumeTimer(timer, now) : null;
    case 'timerExtend':
      return timer ? extendTimer(timer, command.seconds * 1000, now) : startTimer(command.seconds * 1000, now);
  }
}
