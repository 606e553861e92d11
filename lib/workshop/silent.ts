import { currentActivity, silentWritingActive, type WorkshopRuntime } from './runtime';

/**
 * Whether members write one activity's board privately now: it is the current step and its
 * silent writing has neither been ended, revealed nor run out of time. Pure: time is passed in.
 */
export function silentFor(rt: WorkshopRuntime | undefined, status: string, activityId: string, now: number): boolean {
  if (!rt || status === 'ended') return false;
  return rt.activities[rt.current]?.id === activityId && silentWritingActive(rt, now);
}

/**
 * When silent writing of the current step runs out on its own (no command marks it), so the
 * server can release the drafts on time; null when nothing is due (not silent, or paused).
 */
export function silentEndsAt(rt: WorkshopRuntime | undefined, status: string, now: number): number | null {
  if (!rt || status === 'ended' || !rt.silent || !rt.timer || rt.timer.endsAt === null) return null;
  const activity = currentActivity(rt);
  if (activity?.kind !== 'reflection' || !silentWritingActive(rt, now)) return null;
  return rt.timer.endsAt;
}
