import type { WorkshopRuntime } from '../../workshop/runtime';

/** Notes from others are hidden during silent writing until the timer ends or it is revealed. */
export function silentWritingActive(rt: Pick<WorkshopRuntime, 'silent' | 'timer'>, now: number): boolean {
  return rt.silent && rt.timer !== null && (rt.timer.endsAt === null || rt.timer.endsAt > now);
}

/**
 * Whether members write one activity's board privately now: it is the current step and its
 * silent writing has neither been ended, revealed nor run out of time. Pure: time is passed in.
 */
export function silentFor(rt: WorkshopRuntime | undefined, status: string, activityId: string, now: number): boolean {
  if (!rt || status === 'ended') return false;
  return rt.activities[rt.current]?.id === activityId && silentWritingActive(rt, now);
}
