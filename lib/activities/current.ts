import type { PreparedActivity, WorkshopRuntime } from '../workshop/runtime';
import type { WorkshopView } from '../workshop/view';

/** The activity the room is on, or null on the welcome screen. Here so the kinds need not import the runtime. */
export const currentOf = (rt: WorkshopRuntime) => rt.activities[rt.current] ?? null;

/** The current activity's id in the full state or in a public view (lib/workshop/view.ts), which holds only that one. */
const currentIdOf = (w: WorkshopRuntime | WorkshopView) => ('activities' in w ? currentOf(w)?.id : w.activity?.id);

/** Whether a nested runtime belongs to the workshop's current activity (standalone ones always do). */
export function nestedIsCurrent(workshop: WorkshopRuntime | WorkshopView | null, runtime: { activityId?: string } | null): boolean {
  if (!runtime) return false;
  if (!workshop || runtime.activityId === undefined) return true;
  return currentIdOf(workshop) === runtime.activityId;
}

/** The group a participant is in, if any. */
export const groupOf = (rt: WorkshopRuntime, participantId: string) => rt.groups.find((g) => g.memberIds.includes(participantId)) ?? null;

/**
 * Parks a nested activity's live runtime in `workshop.prepared` under its activity id, so the
 * room resumes it where it was when it comes back. Standalone runtimes (no activity id) stay.
 */
export function park(workshop: WorkshopRuntime, parked: PreparedActivity): WorkshopRuntime {
  const id = parked.runtime.activityId;
  if (id === undefined || !(id in workshop.prepared)) return workshop;
  return { ...workshop, prepared: { ...workshop.prepared, [id]: parked } };
}
