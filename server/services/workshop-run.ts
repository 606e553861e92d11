import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workshopActivities, workshops } from '@/db/schema';
import { activityInputSchema, type AgendaActivity } from '@/lib/workshop/agenda';
import { startWorkshop, type PreparedActivity, type WorkshopRuntime } from '@/lib/workshop/runtime';
import { serverModuleOf } from '../activities/registry';

/**
 * Freezes a workshop's agenda into a runtime when its live session first opens, so edits to
 * the agenda during the day do not shift what the room is doing. A Q-sort activity freezes
 * its statement set (statements, grid, instructions), a kollegaveiledning its template's
 * rounds (each kind's `prepare`, server/activities/<kind>/). Activities whose stored settings no longer validate (or whose set or template is
 * gone, or whose grid no longer fits) are skipped rather than breaking the session. Several
 * activities of one nested kind each freeze their own material and keep their own state.
 */
export async function loadWorkshopRuntime(db: Db, projectId: string, workshopId: string): Promise<WorkshopRuntime | null> {
  const [workshop] = await db.select().from(workshops).where(eq(workshops.id, workshopId));
  if (!workshop || workshop.projectId !== projectId) return null;
  const rows = await db.select().from(workshopActivities).where(eq(workshopActivities.workshopId, workshopId)).orderBy(asc(workshopActivities.position));
  const activities: AgendaActivity[] = [];
  const prepared: Record<string, PreparedActivity> = {};
  for (const row of rows) {
    const parsed = activityInputSchema.safeParse({ kind: row.kind, title: row.title, config: row.config });
    if (!parsed.success) continue;
    const activity: AgendaActivity = { ...parsed.data, id: row.id };
    const prepare = serverModuleOf(activity.kind).prepare;
    if (prepare) {
      const frozen = await prepare(db, projectId, activity, Object.values(prepared));
      if (!frozen) continue;
      prepared[activity.id] = frozen;
    }
    activities.push(activity);
  }
  return startWorkshop({ workshopId, allowNames: workshop.allowNames, minRevealCount: workshop.minRevealCount, activities, prepared });
}
