import type { QsortRuntime } from '../qsort/runtime';
import type { SupervisionRuntime } from '../supervision/engine';
import { nestedModules } from '../activities/registry';
import type { Seatable } from '../activities/supervision/seating';
import type { WorkshopRuntime } from './runtime';

/**
 * Nested activities: a Q-sort or a kollegaveiledning played as one step of a workshop. The
 * workshop's own flow (`decideWorkshop`) knows nothing of them; when the current activity
 * changes, `followAgenda` lets every nested kind (`nested.follow` in lib/activities/<kind>/)
 * set up or wind down the session's runtime from what was frozen into `workshop.prepared`.
 */

export { nestedIsCurrent } from '../activities/current';
export { neutralNumber, seatInWorkshop, type Seatable } from '../activities/supervision/seating';

/** The part of the live session's state nested activities live in. */
export interface NestedState {
  qsort: QsortRuntime | null;
  supervision: SupervisionRuntime | null;
}

/** The nested runtimes with the workshop whose `prepared` holds the parked ones. */
export interface NestedRoom extends NestedState {
  workshop: WorkshopRuntime;
}

/**
 * Brings the nested runtimes in line with the workshop's current activity, kind by kind. The
 * workshop comes back too: a runtime left for another activity of its kind is parked in it.
 */
export function followAgenda(nested: NestedState, workshop: WorkshopRuntime, people: () => readonly Seatable[]): NestedRoom {
  const room: NestedRoom = { qsort: nested.qsort, supervision: nested.supervision, workshop };
  return nestedModules.reduce((state, m) => m.nested!.follow(state, people), room);
}
