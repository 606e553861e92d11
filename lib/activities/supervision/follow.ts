import type { WorkshopRuntime } from '../../workshop/runtime';
import type { NestedState } from '../../workshop/nested';
import { currentOf } from '../current';
import { seatInWorkshop, type Seatable } from './seating';

/**
 * Entering a kollegaveiledning activity starts it from the frozen template (or resumes it) and
 * seats the people in the room; leaving keeps it, so stepping back resumes the same round with
 * the same roles. Its commands are refused while it is not current (lib/live-session.ts).
 */
export function followSupervision(nested: NestedState, workshop: WorkshopRuntime, people: readonly Seatable[]): NestedState {
  const activity = currentOf(workshop);
  if (activity?.kind !== 'supervision') return nested;
  const prepared = workshop.prepared[activity.id];
  let supervision = nested.supervision;
  if (supervision?.activityId !== activity.id && prepared?.kind === 'supervision') supervision = { ...prepared.runtime, activityId: activity.id };
  if (supervision?.activityId === activity.id) {
    for (const person of people) supervision = seatInWorkshop(supervision, person, workshop.allowNames) ?? supervision;
  }
  return supervision === nested.supervision ? nested : { ...nested, supervision };
}
