import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, findings, findingStatuses, findingStatusChanges, users, workshops, type FindingStatus } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { personalDataKinds } from '@/lib/privacy-guard';
import { z } from 'zod';
import type { AuditService } from './audit-service';
import type { ProjectService } from './project-service';

export const statusChangeSchema = z.object({
  status: z.enum(findingStatuses),
  note: z.string().trim().max(2000, { error: 'TOO_LONG' }).default(''),
});

export interface FindingEvidence {
  counts: { kjenner_igjen: number; nyanserer: number; avkrefter: number };
  /** Comments with where they came from; never who wrote them unless they chose to be named. */
  comments: { id: string; text: string; response: string | null; workshop: string | null; date: string | null; authorName: string | null }[];
  /** Themes from plenaries linked to this finding, with their dot counts. */
  themes: { id: string; text: string; votes: number; workshop: string | null }[];
}

/**
 * What workshops said about a finding, and its status history. The facilitator moves a
 * finding from foreløpig to bekreftet / nyansert / avkreftet with this evidence at hand.
 */
export function createFindingEvidenceService(db: Db, projects: ProjectService, audit: AuditService) {
  async function findingIn(projectId: string, findingId: string) {
    const [row] = await db.select().from(findings).where(and(eq(findings.id, findingId), eq(findings.projectId, projectId)));
    return row ?? null;
  }

  return {
    async get(userId: string, projectId: string, findingId: string) {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const finding = await findingIn(projectId, findingId);
      if (!finding) return fail('NOT_FOUND', 'no such finding');
      const items = await db
        .select({ item: feedbackItems, workshop: workshops.title, date: workshops.date })
        .from(feedbackItems)
        .leftJoin(workshops, eq(workshops.id, feedbackItems.workshopId))
        .where(and(eq(feedbackItems.findingId, findingId), isNull(feedbackItems.hiddenAt)))
        .orderBy(desc(feedbackItems.createdAt));
      const evidence: FindingEvidence = { counts: { kjenner_igjen: 0, nyanserer: 0, avkrefter: 0 }, comments: [], themes: [] };
      for (const { item, workshop, date } of items) {
        if (item.kind === 'finding_response') {
          if (item.response) evidence.counts[item.response]++;
          if (item.text) {
            evidence.comments.push({ id: item.id, text: item.text, response: item.response, workshop, date, authorName: item.authorKind === 'named' ? item.authorName : null });
          }
        }
        if (item.kind === 'cluster') evidence.themes.push({ id: item.id, text: item.text, votes: item.value ?? 0, workshop });
      }
      const history = await db
        .select({ change: findingStatusChanges, by: users.name })
        .from(findingStatusChanges)
        .leftJoin(users, eq(users.id, findingStatusChanges.changedBy))
        .where(eq(findingStatusChanges.findingId, findingId))
        .orderBy(asc(findingStatusChanges.changedAt));
      return ok({ finding, evidence, history: history.map((h) => ({ ...h.change, by: h.by })) });
    },

    async setStatus(userId: string, projectId: string, findingId: string, input: unknown): Promise<Result<{ status: FindingStatus }>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const parsed = statusChangeSchema.safeParse(input);
      if (!parsed.success) return fail('BAD_REQUEST', 'invalid status change', { note: parsed.error.issues[0]?.message ?? 'INVALID' });
      if (personalDataKinds(parsed.data.note).length > 0) return fail('PERSONAL_DATA', 'personal data in note', { note: 'PERSONAL_DATA' });
      const changed = await db.transaction(async (tx) => {
        const [finding] = await tx.select().from(findings).where(and(eq(findings.id, findingId), eq(findings.projectId, projectId)));
        if (!finding) return null;
        await tx.update(findings).set({ status: parsed.data.status, updatedAt: new Date() }).where(eq(findings.id, findingId));
        await tx.insert(findingStatusChanges).values({ findingId, fromStatus: finding.status, toStatus: parsed.data.status, note: parsed.data.note, changedBy: userId });
        return finding;
      });
      if (!changed) return fail('NOT_FOUND', 'no such finding');
      await audit.record({ actorKind: 'user', actorId: userId, action: 'finding.status', projectId, target: findingId, details: { from: changed.status, to: parsed.data.status } });
      return ok({ status: parsed.data.status });
    },
  };
}
export type FindingEvidenceService = ReturnType<typeof createFindingEvidenceService>;
