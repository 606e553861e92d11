import type { QsortRuntime } from '../../qsort/runtime';
import type { WorkshopRuntime } from '../../workshop/runtime';
import type { NestedState } from '../../workshop/nested';
import { currentOf } from '../current';

/**
 * Entering a Q-sort activity opens its sort (the frozen set; the same sort again when the room
 * comes back to it, with its analysis choices kept); leaving it closes the sorting but keeps
 * the runtime, so the finished sorts stay analysable (e.g. in the plenary) and the screen can
 * keep showing factor arrays.
 */
export function followQsort(nested: NestedState, workshop: WorkshopRuntime): NestedState {
  const activity = currentOf(workshop);
  let qsort: QsortRuntime | null = nested.qsort;
  if (activity?.kind === 'qsort') {
    const prepared = workshop.prepared[activity.id];
    if (qsort?.activityId === activity.id) qsort = qsort.open ? qsort : { ...qsort, open: true };
    else if (prepared?.kind === 'qsort') qsort = { ...prepared.runtime, activityId: activity.id, open: true };
  } else if (qsort?.activityId !== undefined && qsort.open) {
    qsort = { ...qsort, open: false };
  }
  return qsort === nested.qsort ? nested : { ...nested, qsort };
}
