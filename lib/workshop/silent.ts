import { moduleOf } from '../activities/registry';
import { silentWritingActive } from '../activities/reflection/silent';
import { currentActivity, type WorkshopRuntime } from './runtime';

export { silentFor } from '../activities/reflection/silent';

/**
 * When silent writing of the current step runs out on its own (no command marks it), so the
 * server can release the drafts on time; null when nothing is due (not silent, or paused, or
 * the current kind writes no drafts).
 */
export function silentEndsAt(rt: WorkshopRuntime | undefined, status: string, now: number): number | null {
  if (!rt || status === 'ended' || !rt.silent || !rt.timer || rt.timer.endsAt === null) return null;
  const activity = currentActivity(rt);
  const drafts = activity ? (moduleOf(activity)?.docs?.refKinds.includes('draft') ?? false) : false;
  if (!drafts || !silentWritingActive(rt, now)) return null;
  return rt.timer.endsAt;
}
