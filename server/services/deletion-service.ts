import { and, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditLog, feedbackItems, liveSessions, projects, rateLimits, workshops, yjsSnapshots, yjsUpdates, yjsUsage } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { confirmsName, idsOnly, sessionKeyPatterns } from '@/lib/lifecycle/deletion-scope';
import type { AccessChanges } from './access-changes';
import type { AuditService } from './audit-service';
import type { ProjectService } from './project-service';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const uuid = z.uuid();
const mismatch = () => fail('BAD_REQUEST', 'the typed name does not match', { confirmation: 'CONFIRM_NAME_MISMATCH' });

/**
 * Deleting a project, a workshop or a live session with everything under it. Foreign keys
 * cascade most of it; what they do not reach is deleted by name here: feedback a session or
 * workshop produced (its keys are `set null`), the sessions' Yjs documents, usage counters and
 * per-session rate limits (keyed by text). Audit entries stay, stripped to ids. Open connections
 * are let go through `changes` once the deletion is committed.
 */
export function createDeletionService(db: Db, projectService: ProjectService, audit: AuditService, changes: AccessChanges) {
  /**
   * Deletes the text-keyed rows of `sessionIds` and their feedback. The sessions are locked
   * first: a Yjs append checks its session under a key-share lock (yjs-persistence.ts), so no
   * update can slip in between these deletes and the session's own.
   */
  async function purgeSessions(tx: Tx, sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await tx.select({ id: liveSessions.id }).from(liveSessions).where(inArray(liveSessions.id, sessionIds)).for('update');
    for (const id of sessionIds) {
      const keys = sessionKeyPatterns(id);
      await tx.delete(yjsUpdates).where(like(yjsUpdates.docName, keys.docs));
      await tx.delete(yjsSnapshots).where(like(yjsSnapshots.docName, keys.docs));
      await tx.delete(yjsUsage).where(or(...keys.usage.map((k) => like(yjsUsage.key, k))));
      await tx.delete(rateLimits).where(like(rateLimits.key, keys.rateLimits));
    }
    await tx.delete(feedbackItems).where(inArray(feedbackItems.sessionId, sessionIds));
  }

  /** Audit entries about what went keep who, what and when, but no text (see `idsOnly`). */
  async function stripAudit(tx: Tx, where: SQL | undefined): Promise<void> {
    const rows = await tx.select({ id: auditLog.id, details: auditLog.details }).from(auditLog).where(where);
    for (const row of rows) {
      const kept = idsOnly(row.details);
      if (Object.keys(kept).length !== Object.keys(row.details).length) await tx.update(auditLog).set({ details: kept }).where(eq(auditLog.id, row.id));
    }
  }

  const sessionIdsWhere = async (tx: Tx, where: SQL) =>
    (await tx.select({ id: liveSessions.id }).from(liveSessions).where(where)).map((r) => r.id);

  function ended(projectId: string, sessionIds: string[]) {
    if (sessionIds.length > 0) changes.publish({ kind: 'sessions-deleted', projectId, sessionIds });
  }

  return {
    /** Owners only. `confirmation` must be the project's name. */
    async deleteProject(userId: string, projectId: string, confirmation: unknown): Promise<Result<{ sessions: number }>> {
      if (!uuid.safeParse(projectId).success) return fail('NOT_FOUND', 'no such project');
      const role = await projectService.authorise(projectId, userId, 'owner');
      if (!role.ok) return role;
      const result = await db.transaction(async (tx) => {
        // Locked so no session, workshop or member is added while the project goes.
        const [project] = await tx.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId)).for('update');
        if (!project) return fail('NOT_FOUND', 'no such project');
        if (!confirmsName(confirmation, project.name)) return mismatch();
        const sessionIds = await sessionIdsWhere(tx, eq(liveSessions.projectId, projectId));
        await purgeSessions(tx, sessionIds);
        await tx.delete(projects).where(eq(projects.id, projectId));
        await stripAudit(tx, eq(auditLog.projectId, projectId));
        return ok(sessionIds);
      });
      if (!result.ok) return result;
      await audit.record({ actorKind: 'user', actorId: userId, action: 'project.delete', projectId, target: projectId, details: { sessions: result.data.length } });
      ended(projectId, result.data);
      return ok({ sessions: result.data.length });
    },

    /** Any member. Deletes the sessions that ran it and the feedback it produced as well. */
    async deleteWorkshop(userId: string, workshopId: string, confirmation: unknown): Promise<Result<{ projectId: string; sessions: number }>> {
      if (!uuid.safeParse(workshopId).success) return fail('NOT_FOUND', 'no such workshop');
      const [found] = await db.select({ projectId: workshops.projectId }).from(workshops).where(eq(workshops.id, workshopId));
      if (!found) return fail('NOT_FOUND', 'no such workshop');
      const role = await projectService.authorise(found.projectId, userId, 'member');
      if (!role.ok) return role;
      const result = await db.transaction(async (tx) => {
        const [workshop] = await tx.select({ title: workshops.title }).from(workshops).where(eq(workshops.id, workshopId)).for('update');
        if (!workshop) return fail('NOT_FOUND', 'no such workshop');
        if (!confirmsName(confirmation, workshop.title)) return mismatch();
        const sessionIds = await sessionIdsWhere(tx, eq(liveSessions.workshopId, workshopId));
        await purgeSessions(tx, sessionIds);
        if (sessionIds.length > 0) await tx.delete(liveSessions).where(inArray(liveSessions.id, sessionIds));
        await tx.delete(feedbackItems).where(eq(feedbackItems.workshopId, workshopId));
        await tx.delete(workshops).where(eq(workshops.id, workshopId));
        await stripAudit(tx, and(eq(auditLog.projectId, found.projectId), inArray(auditLog.target, [workshopId, ...sessionIds])));
        return ok(sessionIds);
      });
      if (!result.ok) return result;
      await audit.record({ actorKind: 'user', actorId: userId, action: 'workshop.delete', projectId: found.projectId, target: workshopId, details: { sessions: result.data.length } });
      ended(found.projectId, result.data);
      return ok({ projectId: found.projectId, sessions: result.data.length });
    },

    /** Any member. `confirmation` must be the session's title. */
    async deleteSession(userId: string, sessionId: string, confirmation: unknown): Promise<Result<{ projectId: string }>> {
      if (!uuid.safeParse(sessionId).success) return fail('NOT_FOUND', 'no such session');
      const [found] = await db.select({ projectId: liveSessions.projectId }).from(liveSessions).where(eq(liveSessions.id, sessionId));
      if (!found) return fail('NOT_FOUND', 'no such session');
      const role = await projectService.authorise(found.projectId, userId, 'member');
      if (!role.ok) return role;
      const result = await db.transaction(async (tx) => {
        const [session] = await tx.select({ title: liveSessions.title }).from(liveSessions).where(eq(liveSessions.id, sessionId)).for('update');
        if (!session) return fail('NOT_FOUND', 'no such session');
        if (!confirmsName(confirmation, session.title)) return mismatch();
        await purgeSessions(tx, [sessionId]);
        await tx.delete(liveSessions).where(eq(liveSessions.id, sessionId));
        await stripAudit(tx, and(eq(auditLog.projectId, found.projectId), eq(auditLog.target, sessionId)));
        return ok(null);
      });
      if (!result.ok) return result;
      await audit.record({ actorKind: 'user', actorId: userId, action: 'live.delete', projectId: found.projectId, target: sessionId });
      ended(found.projectId, [sessionId]);
      return ok({ projectId: found.projectId });
    },
  };
}
export type DeletionService = ReturnType<typeof createDeletionService>;
