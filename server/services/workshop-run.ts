import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workshopActivities, workshops } from '@/db/schema';
import { activityInputSchema, type AgendaActivity } from '@/lib/workshop/agenda';
import { startWorkshop, type WorkshopRuntime } from '@/lib/workshop/runtime';

/**
 * Freezes a workshop's agenda into a runtime when its live session first opens, so edits to
 * the agenda during the day do not shift what the room is doing. Activities whose stored
 * settings no longer validate are skipped rather than breaking the session.
 */
export async function loadWorkshopRuntime(db: Db, projectId: string, workshopId: string): Promise<WorkshopRuntime | null> {
  const [workshop] = await db.select().from(workshops).where(eq(workshops.id, workshopId));
  if (!workshop || workshop.projectId !== projectId) return null;
  const rows = await db.select().from(workshopActivities).where(eq(workshopActivities.workshopId, workshopId)).orderBy(asc(workshopActivities.position));
  const activities: AgendaActivity[] = rows.flatMap((row) => {
    const parsed = activityInputSchema.safeParse({ kind: row.kind, title: row.title, config: row.config });
    return parsed.success ? [{ ...parsed.data, id: row.id }] : [];
  });
  return startWorkshop({ workshopId, allowNames: workshop.allowNames, minRevealCount: workshop.minRevealCount, activities });
}
