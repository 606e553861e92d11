import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { findings, workshopActivities, workshops, type Workshop, type WorkshopActivity } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { activityInputSchema, defaultAgenda, type AgendaActivity } from '@/lib/workshop/agenda';
import type { AuditService } from './audit-service';
import type { ProjectService } from './project-service';
import { createWorkshopChecks } from './workshop-input';

/** A workshop as the project's lists show it. */
export interface WorkshopSummary {
  id: string;
  title: string;
  phaseId: string | null;
  date: string | null;
  place: string;
  activityCount: number;
  updatedAt: Date;
}

/** A workshop with its agenda in order; every activity has passed `activityInputSchema`. */
export interface WorkshopAgenda {
  workshop: Workshop;
  activities: AgendaActivity[];
}

const uuid = z.uuid();

/**
 * Preparing utviklingsverksteder: the workshop's details and its ordered agenda. Every verb
 * authorises by membership of the workshop's own project, so ids from a URL cannot reach
 * into another project.
 */
export function createWorkshopService(db: Db, projects: ProjectService, audit: AuditService) {
  const { checkWorkshop, checkActivity } = createWorkshopChecks(db);

  async function workshopFor(userId: string, workshopId: string): Promise<Result<Workshop>> {
    // A malformed id would make PostgreSQL throw; to the caller it is simply not there.
    if (!uuid.safeParse(workshopId).success) return fail('NOT_FOUND', 'no such workshop');
    const [row] = await db.select().from(workshops).where(eq(workshops.id, workshopId));
    if (!row) return fail('NOT_FOUND', 'no such workshop');
    const role = await projects.authorise(row.projectId, userId, 'member');
    return role.ok ? ok(row) : role;
  }

  async function activitiesOf(workshopId: string): Promise<AgendaActivity[]> {
    const rows = await db.select().from(workshopActivities).where(eq(workshopActivities.workshopId, workshopId)).orderBy(asc(workshopActivities.position));
    return rows.flatMap(toAgendaActivity);
  }

  async function touch(workshopId: string) {
    await db.update(workshops).set({ updatedAt: new Date() }).where(eq(workshops.id, workshopId));
  }

  async function agendaAudit(userId: string, workshop: Workshop, op: string, activityId: string) {
    await audit.record({ actorKind: 'user', actorId: userId, action: 'workshop.agenda', projectId: workshop.projectId, target: workshop.id, details: { op, activityId } });
  }

  return {
    async list(userId: string, projectId: string): Promise<Result<WorkshopSummary[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const rows = await db
        .select({
          id: workshops.id,
          title: workshops.title,
          phaseId: workshops.phaseId,
          date: workshops.date,
          place: workshops.place,
          activityCount: count(workshopActivities.id),
          updatedAt: workshops.updatedAt,
        })
        .from(workshops)
        .leftJoin(workshopActivities, eq(workshopActivities.workshopId, workshops.id))
        .where(eq(workshops.projectId, projectId))
        .groupBy(workshops.id)
        // Undated drafts first (they are being prepared), then the newest date.
        .orderBy(sql`${workshops.date} desc nulls first`, desc(workshops.createdAt));
      return ok(rows);
    },

    async get(userId: string, workshopId: string): Promise<Result<WorkshopAgenda>> {
      const workshop = await workshopFor(userId, workshopId);
      if (!workshop.ok) return workshop;
      return ok({ workshop: workshop.data, activities: await activitiesOf(workshopId) });
    },

    /** Creates a workshop with the default agenda; its findings round holds all the project's findings. */
    async create(userId: string, projectId: string, input: unknown): Promise<Result<Workshop>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const checked = await checkWorkshop(projectId, input);
      if (!checked.ok) return checked;
      const workshop = await db.transaction(async (tx) => {
        const [created] = await tx.insert(workshops).values({ ...checked.data, projectId, createdBy: userId }).returning();
        if (!created) throw new Error('insert returned no row');
        const own = await tx.select({ id: findings.id }).from(findings).where(eq(findings.projectId, projectId)).orderBy(asc(findings.position));
        const agenda = defaultAgenda(own.map((f) => f.id));
        await tx.insert(workshopActivities).values(agenda.map((a, position) => ({ ...a, workshopId: created.id, position })));
        return created;
      });
      await audit.record({ actorKind: 'user', actorId: userId, action: 'workshop.create', projectId, target: workshop.id });
      return ok(workshop);
    },

    async update(userId: string, workshopId: string, input: unknown): Promise<Result<Workshop>> {
      const current = await workshopFor(userId, workshopId);
      if (!current.ok) return current;
      const checked = await checkWorkshop(current.data.projectId, input);
      if (!checked.ok) return checked;
      const [workshop] = await db.update(workshops).set({ ...checked.data, updatedAt: new Date() }).where(eq(workshops.id, workshopId)).returning();
      if (!workshop) return fail('NOT_FOUND', 'no such workshop');
      await audit.record({ actorKind: 'user', actorId: userId, action: 'workshop.update', projectId: workshop.projectId, target: workshopId });
      return ok(workshop);
    },

    /** Appends an activity at the end of the agenda. */
    async addActivity(userId: string, workshopId: string, input: unknown): Promise<Result<AgendaActivity>> {
      const workshop = await workshopFor(userId, workshopId);
      if (!workshop.ok) return workshop;
      const checked = await checkActivity(workshop.data.projectId, input);
      if (!checked.ok) return checked;
      const [last] = await db.select({ p: max(workshopActivities.position) }).from(workshopActivities).where(eq(workshopActivities.workshopId, workshopId));
      const [row] = await db
        .insert(workshopActivities)
        .values({ ...checked.data, workshopId, position: (last?.p ?? -1) + 1 })
        .returning({ id: workshopActivities.id });
      if (!row) throw new Error('insert returned no row');
      await touch(workshopId);
      await agendaAudit(userId, workshop.data, 'add', row.id);
      return ok({ ...checked.data, id: row.id });
    },

    async updateActivity(userId: string, workshopId: string, activityId: string, input: unknown): Promise<Result<AgendaActivity>> {
      const workshop = await workshopFor(userId, workshopId);
      if (!workshop.ok) return workshop;
      if (!uuid.safeParse(activityId).success) return fail('NOT_FOUND', 'no such activity');
      const checked = await checkActivity(workshop.data.projectId, input);
      if (!checked.ok) return checked;
      const { kind, title, config } = checked.data;
      const updated = await db
        .update(workshopActivities)
        .set({ kind, title, config })
        .where(and(eq(workshopActivities.id, activityId), eq(workshopActivities.workshopId, workshopId)))
        .returning({ id: workshopActivities.id });
      if (updated.length === 0) return fail('NOT_FOUND', 'no such activity');
      await touch(workshopId);
      await agendaAudit(userId, workshop.data, 'update', activityId);
      return ok({ ...checked.data, id: activityId });
    },

    async removeActivity(userId: string, workshopId: string, activityId: string): Promise<Result<null>> {
      const workshop = await workshopFor(userId, workshopId);
      if (!workshop.ok) return workshop;
      if (!uuid.safeParse(activityId).success) return fail('NOT_FOUND', 'no such activity');
      await db.delete(workshopActivities).where(and(eq(workshopActivities.id, activityId), eq(workshopActivities.workshopId, workshopId)));
      await touch(workshopId);
      await agendaAudit(userId, workshop.data, 'remove', activityId);
      return ok(null);
    },

    /** Moves an activity one step earlier (-1) or later (1), swapping places with its neighbour. */
    async moveActivity(userId: string, workshopId: string, activityId: string, direction: -1 | 1): Promise<Result<null>> {
      const workshop = await workshopFor(userId, workshopId);
      if (!workshop.ok) return workshop;
      await db.transaction(async (tx) => {
        const rows = await tx.select().from(workshopActivities).where(eq(workshopActivities.workshopId, workshopId)).orderBy(asc(workshopActivities.position));
        const i = rows.findIndex((a) => a.id === activityId);
        const a = rows[i];
        const b = rows[i + direction];
        if (i < 0 || !a || !b) return;
        await tx.update(workshopActivities).set({ position: b.position }).where(eq(workshopActivities.id, a.id));
        await tx.update(workshopActivities).set({ position: a.position }).where(eq(workshopActivities.id, b.id));
      });
      await touch(workshopId);
      return ok(null);
    },

    /** For the live runtime, which has already checked that the facilitator is a member. */
    async agendaForRun(workshopId: string): Promise<WorkshopAgenda | null> {
      if (!uuid.safeParse(workshopId).success) return null;
      const [workshop] = await db.select().from(workshops).where(eq(workshops.id, workshopId));
      return workshop ? { workshop, activities: await activitiesOf(workshopId) } : null;
    },
  };
}
export type WorkshopService = ReturnType<typeof createWorkshopService>;

/** Stored rows were validated on write; one that no longer parses is left out, not thrown. */
function toAgendaActivity(row: WorkshopActivity): AgendaActivity[] {
  const parsed = activityInputSchema.safeParse({ kind: row.kind, title: row.title, config: row.config });
  return parsed.success ? [{ ...parsed.data, id: row.id }] : [];
}
