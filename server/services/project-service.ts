import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  findings,
  liveSessions,
  phases,
  projectMembers,
  projects,
  statementSets,
  statements,
  users,
  type Project,
  type ProjectRole,
} from '@/db/schema';
import { fieldErrors } from '@/lib/account-schemas';
import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import { phaseInputSchema, projectInputSchema } from '@/lib/project-schemas';
import type { AccessChanges } from './access-changes';
import type { AuditService } from './audit-service';
import { consentHistory, currentConsent, recordConsentVersion, type ConsentHistoryEntry, type CurrentConsent } from './consent-service';

export interface ProjectSummary {
  id: string;
  name: string;
  description: string;
  role: ProjectRole;
  archivedAt: Date | null;
  updatedAt: Date;
}

export function createProjectService(db: Db, audit: AuditService, changes: AccessChanges) {
  async function roleOf(projectId: string, userId: string): Promise<ProjectRole | null> {
    const [row] = await db
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
    return row?.role ?? null;
  }

  /** Members may edit; only owners archive, manage members and delete. */
  async function authorise(projectId: string, userId: string, need: 'member' | 'owner'): Promise<Result<ProjectRole>> {
    const role = await roleOf(projectId, userId);
    if (!role) return fail('NOT_FOUND', 'no such project for this user');
    if (need === 'owner' && role !== 'owner') return fail('FORBIDDEN', 'owner only');
    return ok(role);
  }

  return {
    roleOf,
    authorise,

    /** Who is a member now and whether the project is archived: rechecks a session's open Yjs connections. */
    async accessFacts(projectId: string): Promise<{ members: Set<string>; archived: boolean }> {
      const [project] = await db.select({ archivedAt: projects.archivedAt }).from(projects).where(eq(projects.id, projectId));
      const rows = await db.select({ userId: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, projectId));
      return { members: new Set(rows.map((r) => r.userId)), archived: !project || project.archivedAt !== null };
    },

    /** A member's role and whether the project is archived, in one look-up (rechecked on every privileged event). */
    async memberAccess(projectId: string, userId: string): Promise<{ role: ProjectRole; archived: boolean } | null> {
      const [row] = await db
        .select({ role: projectMembers.role, archivedAt: projects.archivedAt })
        .from(projectMembers)
        .innerJoin(projects, eq(projects.id, projectMembers.projectId))
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
      return row ? { role: row.role, archived: row.archivedAt !== null } : null;
    },

    async listForUser(userId: string): Promise<ProjectSummary[]> {
      return db
        .select({
          id: projects.id,
          name: projects.name,
          description: projects.description,
          role: projectMembers.role,
          archivedAt: projects.archivedAt,
          updatedAt: projects.updatedAt,
        })
        .from(projects)
        .innerJoin(projectMembers, eq(projectMembers.projectId, projects.id))
        .where(eq(projectMembers.userId, userId))
        .orderBy(sql`${projects.archivedAt} is not null`, desc(projects.updatedAt));
    },

    async create(userId: string, input: unknown): Promise<Result<Project>> {
      const parsed = projectInputSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid project', fieldErrors(parsed.error));
      const project = await db.transaction(async (tx) => {
        const [created] = await tx.insert(projects).values({ ...parsed.data, createdBy: userId }).returning();
        if (!created) throw new Error('insert returned no row');
        await tx.insert(projectMembers).values({ projectId: created.id, userId, role: 'owner' });
        await recordConsentVersion(tx as unknown as Db, created.id, created.consentText, userId);
        return created;
      });
      await audit.record({ actorKind: 'user', actorId: userId, action: 'project.create', projectId: project.id });
      return ok(project);
    },

    async get(userId: string, projectId: string) {
      const role = await authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
      if (!project) return fail('NOT_FOUND', 'no such project');
      const [phaseRows, memberRows, findingRows, setRows, sessionRows] = await Promise.all([
        db.select().from(phases).where(eq(phases.projectId, projectId)).orderBy(asc(phases.position)),
        db
          .select({ userId: users.id, name: users.name, email: users.email, unverifiedEmail: users.unverifiedEmail, role: projectMembers.role })
          .from(projectMembers)
          .innerJoin(users, eq(users.id, projectMembers.userId))
          .where(eq(projectMembers.projectId, projectId))
          .orderBy(asc(users.name)),
        db.select().from(findings).where(eq(findings.projectId, projectId)).orderBy(asc(findings.position)),
        db
          .select({ id: statementSets.id, name: statementSets.name, count: sql<number>`count(${statements.id})::int` })
          .from(statementSets)
          .leftJoin(statements, eq(statements.setId, statementSets.id))
          .where(eq(statementSets.projectId, projectId))
          .groupBy(statementSets.id),
        db
          .select({
            id: liveSessions.id,
            title: liveSessions.title,
            code: liveSessions.code,
            status: liveSessions.status,
            createdAt: liveSessions.createdAt,
          })
          .from(liveSessions)
          .where(eq(liveSessions.projectId, projectId))
          .orderBy(desc(liveSessions.createdAt)),
      ]);
      return ok({
        project,
        role: role.data,
        phases: phaseRows,
        members: memberRows,
        findings: findingRows,
        statementSets: setRows,
        sessions: sessionRows,
      });
    },

    async update(userId: string, projectId: string, input: unknown): Promise<Result<Project>> {
      const role = await authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const parsed = projectInputSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid project', fieldErrors(parsed.error));
      // Queries inside must use `tx`: PGlite has one connection.
      const project = await db.transaction(async (tx) => {
        const [saved] = await tx
          .update(projects)
          .set({ ...parsed.data, updatedAt: new Date() })
          .where(eq(projects.id, projectId))
          .returning();
        if (saved) await recordConsentVersion(tx as unknown as Db, projectId, saved.consentText, userId);
        return saved;
      });
      if (!project) return fail('NOT_FOUND', 'no such project');
      await audit.record({ actorKind: 'user', actorId: userId, action: 'project.update', projectId });
      return ok(project);
    },

    async setArchived(userId: string, projectId: string, archived: boolean): Promise<Result<null>> {
      const role = await authorise(projectId, userId, 'owner');
      if (!role.ok) return role;
      await db
        .update(projects)
        .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
        .where(eq(projects.id, projectId));
      await audit.record({ actorKind: 'user', actorId: userId, action: archived ? 'project.archive' : 'project.unarchive', projectId });
      if (archived) changes.publish({ kind: 'project-archived', projectId });
      return ok(null);
    },

    async addPhase(userId: string, projectId: string, input: unknown): Promise<Result<{ id: string }>> {
      const role = await authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const parsed = phaseInputSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid phase', fieldErrors(parsed.error));
      const [last] = await db.select({ p: max(phases.position) }).from(phases).where(eq(phases.projectId, projectId));
      const [phase] = await db
        .insert(phases)
        .values({ ...parsed.data, projectId, position: (last?.p ?? -1) + 1 })
        .returning({ id: phases.id });
      if (!phase) throw new Error('insert returned no row');
      await touch(projectId);
      return ok(phase);
    },

    async updatePhase(userId: string, projectId: string, phaseId: string, input: unknown): Promise<Result<null>> {
      const role = await authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const parsed = phaseInputSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid phase', fieldErrors(parsed.error));
      const updated = await db
        .update(phases)
        .set(parsed.data)
        .where(and(eq(phases.id, phaseId), eq(phases.projectId, projectId)))
        .returning({ id: phases.id });
      if (updated.length === 0) return fail('NOT_FOUND', 'no such phase');
      await touch(projectId);
      return ok(null);
    },

    async deletePhase(userId: string, projectId: string, phaseId: string): Promise<Result<null>> {
      const role = await authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      await db.delete(phases).where(and(eq(phases.id, phaseId), eq(phases.projectId, projectId)));
      await touch(projectId);
      return ok(null);
    },

    /** Moves a phase one step up or down, swapping positions with its neighbour. */
    async movePhase(userId: string, projectId: string, phaseId: string, direction: -1 | 1): Promise<Result<null>> {
      const role = await authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      await db.transaction(async (tx) => {
        const rows = await tx.select().from(phases).where(eq(phases.projectId, projectId)).orderBy(asc(phases.position));
        const i = rows.findIndex((p) => p.id === phaseId);
        const j = i + direction;
        const a = rows[i];
        const b = rows[j];
        if (!a || !b) return;
        await tx.update(phases).set({ position: b.position }).where(eq(phases.id, a.id));
        await tx.update(phases).set({ position: a.position }).where(eq(phases.id, b.id));
      });
      return ok(null);
    },

    async removeMember(userId: string, projectId: string, memberId: string): Promise<Result<null>> {
      const role = await authorise(projectId, userId, 'owner');
      if (!role.ok) return role;
      const owners = await db
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'owner')));
      // A project must keep an owner, or nobody could archive it or manage members again.
      if (owners.length === 1 && owners[0]?.userId === memberId) return fail('LAST_OWNER', 'a project must keep an owner');
      await db.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, memberId)));
      await audit.record({ actorKind: 'user', actorId: userId, action: 'project.member_remove', projectId, target: memberId });
      changes.publish({ kind: 'member-removed', projectId, userId: memberId });
      return ok(null);
    },

    /** The consent participants accept before joining (null: none asked); public by design. */
    currentConsent: (projectId: string): Promise<CurrentConsent | null> => currentConsent(db, projectId),

    /** The project's consent versions with how many accepted each, for its members. */
    async consentHistory(userId: string, projectId: string): Promise<Result<ConsentHistoryEntry[]>> {
      const role = await authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      return ok(await consentHistory(db, projectId));
    },

    /** The consent text participants read before joining; public by design. */
    async consentTextOf(projectId: string): Promise<string> {
      const [row] = await db.select({ consentText: projects.consentText }).from(projects).where(eq(projects.id, projectId));
      return row?.consentText ?? '';
    },
  };

  async function touch(projectId: string) {
    await db.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, projectId));
  }
}
export type ProjectService = ReturnType<typeof createProjectService>;
