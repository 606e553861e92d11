import type { NestedRoom } from '../../workshop/nested';
import { currentOf, park } from '../current';
import { seatInWorkshop, type Seatable } from './seating';

/**
 * Entering a kollegaveiledning activity starts it from the frozen template (or resumes it) and
 * seats the people in the room; leaving keeps it, so stepping back resumes the same round with
 * the same roles. Entering another kollegaveiledning parks this one in `prepared`, with its
 * rounds, roles and case. Its commands are refused while it is not current (lib/live-session.ts).
 */
export function followSupervision(room: NestedRoom, people: () => readonly Seatable[]): NestedRoom {
  const activity = currentOf(room.workshop);
  if (activity?.kind !== 'supervision') return room;
  let { supervision, workshop } = room;
  if (supervision?.activityId !== activity.id) {
    if (supervision?.activityId !== undefined) workshop = park(workshop, { kind: 'supervision', runtime: supervision });
    const prepared = workshop.prepared[activity.id];
    if (prepared?.kind === 'supervision') supervision = { ...prepared.runtime, activityId: activity.id };
  }
  if (supervision?.activityId === activity.id) {
    for (const person of people()) supervision = seatInWorkshop(supervision, person, workshop.allowNames) ?? supervision;
  }
  return supervision === room.supervision && workshop === room.workshop ? room : { ...room, supervision, workshop };
}
