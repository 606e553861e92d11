import { z } from 'zod';
import { activityInputSchema, isActivityKind, publicActivity, type ActivityKindName, type AgendaActivity } from '../activities/registry';
import { workshopRuntimeSchema, type WorkshopRuntime } from './runtime';

/** One step of the agenda as the screen and phones know it: what it is called, not how it is set up. */
export const agendaEntrySchema = z.object({
  id: z.string(),
  kind: z.custom<ActivityKindName>((v) => typeof v === 'string' && isActivityKind(v)),
  title: z.string(),
});
export type AgendaEntry = z.infer<typeof agendaEntrySchema>;

/**
 * The workshop as the big screen and the phones get it: the agenda by name only, and the
 * current step with what its kind lets the public see of its config (`publicConfig`). No
 * other step's config (a reflection's prompt before it starts, the closing questions, …) and
 * none of the frozen runtimes in `prepared`. The client's live views read only this; the
 * facilitator's console derives the same shape from the full state (`workshopViewOf`).
 */
export const workshopViewSchema = workshopRuntimeSchema.omit({ activities: true, prepared: true }).extend({
  agenda: z.array(agendaEntrySchema),
  activity: z.intersection(activityInputSchema, z.object({ id: z.string() })).nullable(),
});
export type WorkshopView = z.infer<typeof workshopViewSchema>;

const entry = (a: AgendaActivity): AgendaEntry => ({ id: a.id, kind: a.kind, title: a.title });

/** The view of a full runtime; `activity` keeps the whole config (facilitators) unless `shape` narrows it. */
export function workshopViewOf(w: WorkshopRuntime | WorkshopView, shape: (a: AgendaActivity, rt: WorkshopRuntime) => AgendaActivity = (a) => a): WorkshopView {
  if (!('activities' in w)) return w;
  const { activities, ...rest } = w;
  const current = activities[w.current];
  // `prepared` (frozen runtimes of nested steps) is in no view; the console reads the full state for it.
  const { prepared, ...common } = rest;
  void prepared;
  return { ...common, agenda: activities.map(entry), activity: current ? shape(current, w) : null };
}

/** The screen's and phones' view: the current step's config as its kind shows it to the public. */
export const publicWorkshopView = (rt: WorkshopRuntime): WorkshopView => workshopViewOf(rt, publicActivity);

/** Whether a snapshot's workshop is the full state (a facilitator's) rather than a public view. */
export const isFullWorkshop = (w: WorkshopRuntime | WorkshopView): w is WorkshopRuntime => 'activities' in w;
