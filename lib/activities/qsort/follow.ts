import type { NestedRoom } from '../../workshop/nested';
import { currentOf, park } from '../current';

/**
 * Entering a Q-sort activity opens its sort (the frozen set; the same sort again when the room
 * comes back to it, with its analysis choices kept); leaving it closes the sorting but keeps
 * the runtime, so the finished sorts stay analysable (e.g. in the plenary) and the screen can
 * keep showing factor arrays. Entering another Q-sort activity parks this one in `prepared`.
 */
export function followQsort(room: NestedRoom): NestedRoom {
  const activity = currentOf(room.workshop);
  const { qsort } = room;
  if (activity?.kind === 'qsort') {
    if (qsort?.activityId === activity.id) return qsort.open ? room : { ...room, qsort: { ...qsort, open: true } };
    const workshop = qsort?.activityId !== undefined ? park(room.workshop, { kind: 'qsort', runtime: { ...qsort, open: false } }) : room.workshop;
    const prepared = workshop.prepared[activity.id];
    return prepared?.kind === 'qsort' ? { ...room, workshop, qsort: { ...prepared.runtime, activityId: activity.id, open: true } } : room;
  }
  return qsort?.activityId !== undefined && qsort.open ? { ...room, qsort: { ...qsort, open: false } } : room;
}
