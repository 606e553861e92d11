import type { QsortRuntime } from '../qsort/runtime';
import { memberOf, seatMember, type SupervisionRuntime } from '../supervision/engine';
import { currentActivity, type WorkshopRuntime } from './runtime';

/**
 * Nested activities: a Q-sort or a kollegaveiledning played as one step of a workshop. The
 * workshop's own flow (`decideWorkshop`) knows nothing of them; when the current activity
 * changes, `followAgenda` sets up or winds down the session's `qsort` / `supervision` runtime
 * from what was frozen into `workshop.prepared` at start. Pure, like the rest of `lib/`.
 */

/** The part of the live session's state nested activities live in. */
export interface NestedState {
  qsort: QsortRuntime | null;
  supervision: SupervisionRuntime | null;
}

/** Someone in the room who can be seated in a kollegaveiledning. */
export interface Seatable {
  id: string;
  displayName?: string | null;
}

/** Whether a nested runtime belongs to the workshop's current activity (standalone ones always do). */
export function nestedIsCurrent(workshop: WorkshopRuntime | null, runtime: { activityId?: string } | null): boolean {
  if (!runtime) return false;
  if (!workshop || runtime.activityId === undefined) return true;
  return currentActivity(workshop)?.id === runtime.activityId;
}

/**
 * Brings the nested runtimes in line with the workshop's current activity:
 * - entering a Q-sort activity opens its sort (the frozen set; the same sort again when the
 *   room comes back to it, with its analysis choices kept);
 * - leaving it closes the sorting but keeps the runtime, so the finished sorts stay
 *   analysable (e.g. in the plenary) and the screen can keep showing factor arrays;
 * - entering a kollegaveiledning activity starts it from the frozen template (or resumes it)
 *   and seats the people in the room; leaving keeps it, so stepping back resumes the same
 *   round with the same roles. Its commands are refused while it is not current.
 */
export function followAgenda(nested: NestedState, workshop: WorkshopRuntime, people: readonly Seatable[]): NestedState {
  const activity = currentActivity(workshop);
  const prepared = activity ? workshop.prepared[activity.id] : undefined;
  let { qsort, supervision } = nested;

  if (activity?.kind === 'qsort') {
    if (qsort?.activityId === activity.id) qsort = qsort.open ? qsort : { ...qsort, open: true };
    else if (prepared?.kind === 'qsort') qsort = { ...prepared.runtime, activityId: activity.id, open: true };
  } else if (qsort?.activityId !== undefined && qsort.open) {
    qsort = { ...qsort, open: false };
  }

  if (activity?.kind === 'supervision') {
    if (supervision?.activityId !== activity.id && prepared?.kind === 'supervision') supervision = { ...prepared.runtime, activityId: activity.id };
    if (supervision?.activityId === activity.id) {
      for (const person of people) supervision = seatInWorkshop(supervision, person, workshop.allowNames) ?? supervision;
    }
  }
  return { qsort, supervision };
}

/**
 * Seats someone in a kollegaveiledning that runs inside a workshop. The turn order needs a
 * label for everyone, but an anonymous workshop (allowNames false) keeps names out of the
 * room, so members without a name to show get a neutral "Deltaker n" (n = their seat, in the
 * order they were seated). Returns null when nothing changes.
 */
export function seatInWorkshop(rt: SupervisionRuntime, person: Seatable, allowNames: boolean): SupervisionRuntime | null {
  const own = allowNames && person.displayName ? person.displayName : null;
  const known = memberOf(rt, person.id);
  if (known) return own && known.name !== own ? seatMember(rt, person.id, own) : null;
  return seatMember(rt, person.id, own ?? neutralLabel(rt));
}

/** "Deltaker n" for the next seat, skipping a number someone already goes by. Bokmål, like other content. */
export function neutralLabel(rt: SupervisionRuntime): string {
  let n = rt.members.length + 1;
  while (rt.members.some((m) => m.name === `Deltaker ${n}`)) n++;
  return `Deltaker ${n}`;
}
