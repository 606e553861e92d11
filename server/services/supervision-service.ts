import { and, asc, count, desc, eq, inArray, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, phases, supervisionGroups, supervisionTemplates, type SupervisionGroupRow, type SupervisionTemplateRow } from '@/db/schema';
import { fieldErrors } from '@/lib/account-schemas';
import { fail, ok, type Result } from '@/lib/errors';
import { freeText, parseFailure } from '@/lib/privacy/free-text';
import { personalDataKinds } from '@/lib/privacy-guard';
import { startSupervision } from '@/lib/supervision/engine';
import { agreementSchema, type Agreement } from '@/lib/supervision/outcome';
import { builtinTemplateRows, templateContentSchema, type TemplateContent } from '@/lib/supervision/template';
import type { AuditService } from './audit-service';
import type { LiveService } from './live-service';
import type { ProjectService } from './project-service';
import { lockRowSet } from './replace-lock';

const uuid = z.uuid();
export const groupInputSchema = z.object({
  name: freeText(80).min(1, { error: 'REQUIRED' }),
  templateId: z.uuid({ error: 'REQUIRED' }),
  phaseId: z.uuid().nullable().optional(),
});

/**
 * The free text of a template, by the field path the editor shows it under: what everyone
 * sees on the big screen and their phones while the meeting runs.
 */
const templateTexts = (content: TemplateContent): [field: string, text: string][] => [
  ['name', content.name],
  ['description', content.description],
  ...content.rounds.flatMap((round, i): [string, string][] => [
    [`rounds.${i}.name`, round.name],
    [`rounds.${i}.guidance`, round.guidance],
  ]),
];

/**
 * Refuses texts holding personal data, naming every such field by its whole path and its
 * top-level field too (`rounds.2.guidance` and `rounds`), as `fieldErrors` does.
 */
function personalData(texts: [field: string, text: string][]) {
  const fields: Record<string, string> = {};
  for (const [field, text] of texts) {
    if (personalDataKinds(text).length === 0) continue;
    fields[field.split('.')[0]!] = 'PERSONAL_DATA';
    fields[field] = 'PERSONAL_DATA';
  }
  const named = Object.keys(fields);
  return named.length > 0 ? fail('PERSONAL_DATA', `personal data in ${named.join(', ')}`, fields) : null;
}

/** A veiledningsgruppe as the project page lists it. */
export interface GroupSummary extends SupervisionGroupRow {
  meetings: number;
  lastMeetingAt: Date | null;
  openSessionId: string | null;
}

/**
 * Preparing kollegaveiledning: a project's templates (seeded from the built-ins), its standing
 * groups, and opening a meeting as a live session. Every verb authorises by project membership.
 */
export function createSupervisionService(db: Db, projects: ProjectService, live: LiveService, audit: AuditService) {
  async function seedBuiltins(projectId: string) {
    // Two members opening the templates at once (on any process) must seed them once.
    await db.transaction(async (tx) => {
      await lockRowSet(tx, `supervision-templates:${projectId}`);
      const [existing] = await tx.select({ n: count() }).from(supervisionTemplates).where(eq(supervisionTemplates.projectId, projectId));
      if ((existing?.n ?? 0) > 0) return;
      await tx.insert(supervisionTemplates).values(builtinTemplateRows(projectId));
    });
  }

  async function templateFor(userId: string, templateId: string): Promise<Result<SupervisionTemplateRow>> {
    if (!uuid.safeParse(templateId).success) return fail('NOT_FOUND', 'no such template');
    const [row] = await db.select().from(supervisionTemplates).where(eq(supervisionTemplates.id, templateId));
    if (!row) return fail('NOT_FOUND', 'no such template');
    const role = await projects.authorise(row.projectId, userId, 'member');
    return role.ok ? ok(row) : role;
  }

  /** The agreements of the group's latest ended meeting: "til neste gang". */
  async function lastAgreements(groupId: string): Promise<Agreement[]> {
    const [last] = await db
      .select({ id: liveSessions.id })
      .from(liveSessions)
      .where(and(eq(liveSessions.supervisionGroupId, groupId), eq(liveSessions.status, 'ended')))
      .orderBy(desc(liveSessions.endedAt))
      .limit(1);
    if (!last) return [];
    const rows = await db
      .select({ data: feedbackItems.data })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.sessionId, last.id), eq(feedbackItems.kind, 'agreement')))
      .orderBy(asc(feedbackItems.createdAt));
    return rows.flatMap((r) => {
      const parsed = agreementSchema.safeParse(r.data);
      return parsed.success ? [parsed.data] : [];
    });
  }

  return {
    async listTemplates(userId: string, projectId: string): Promise<Result<SupervisionTemplateRow[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      await seedBuiltins(projectId);
      return ok(await db.select().from(supervisionTemplates).where(eq(supervisionTemplates.projectId, projectId)).orderBy(asc(supervisionTemplates.position), asc(supervisionTemplates.createdAt)));
    },

    getTemplate: templateFor,

    /** Creates a template (from `templateId` = null) or replaces one's content. */
    async saveTemplate(userId: string, projectId: string, templateId: string | null, input: unknown): Promise<Result<SupervisionTemplateRow>> {
      const parsed = templateContentSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid template', fieldErrors(parsed.error));
      const content: TemplateContent = parsed.data;
      const leak = personalData(templateTexts(content));
      if (leak) return leak;
      if (templateId) {
        const found = await templateFor(userId, templateId);
        if (!found.ok) return found;
        if (found.data.projectId !== projectId) return fail('NOT_FOUND', 'template of another project');
        const [row] = await db.update(supervisionTemplates).set({ ...content, updatedAt: new Date() }).where(eq(supervisionTemplates.id, templateId)).returning();
        return row ? ok(row) : fail('NOT_FOUND', 'no such template');
      }
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const [last] = await db.select({ p: max(supervisionTemplates.position) }).from(supervisionTemplates).where(eq(supervisionTemplates.projectId, projectId));
      const [row] = await db.insert(supervisionTemplates).values({ projectId, position: (last?.p ?? -1) + 1, ...content }).returning();
      if (!row) throw new Error('insert returned no row');
      await audit.record({ actorKind: 'user', actorId: userId, action: 'supervision.template', projectId, target: row.id });
      return ok(row);
    },

    async listGroups(userId: string, projectId: string): Promise<Result<GroupSummary[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const groups = await db.select().from(supervisionGroups).where(eq(supervisionGroups.projectId, projectId)).orderBy(asc(supervisionGroups.createdAt));
      if (groups.length === 0) return ok([]);
      const sessions = await db
        .select({ id: liveSessions.id, groupId: liveSessions.supervisionGroupId, status: liveSessions.status, createdAt: liveSessions.createdAt })
        .from(liveSessions)
        .where(inArray(liveSessions.supervisionGroupId, groups.map((g) => g.id)))
        .orderBy(asc(liveSessions.createdAt));
      return ok(
        groups.map((g) => {
          const mine = sessions.filter((s) => s.groupId === g.id);
          return {
            ...g,
            meetings: mine.length,
            lastMeetingAt: mine.at(-1)?.createdAt ?? null,
            openSessionId: mine.findLast((s) => s.status === 'open')?.id ?? null,
          };
        }),
      );
    },

    async createGroup(userId: string, projectId: string, input: unknown): Promise<Result<SupervisionGroupRow>> {
      // Membership first: a stranger learns nothing about the project, not even which input it refuses.
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const parsed = groupInputSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid group', fieldErrors(parsed.error));
      const template = await templateFor(userId, parsed.data.templateId);
      if (!template.ok || template.data.projectId !== projectId) return fail('BAD_REQUEST', 'unknown template', { templateId: 'NOT_FOUND' });
      // The name becomes the title of every meeting on the big screen.
      const leak = personalData([['name', parsed.data.name]]);
      if (leak) return leak;
      const phaseId = parsed.data.phaseId ?? null;
      if (phaseId) {
        const [phase] = await db.select({ id: phases.id }).from(phases).where(and(eq(phases.id, phaseId), eq(phases.projectId, projectId)));
        if (!phase) return fail('BAD_REQUEST', 'phase of another project', { phaseId: 'NOT_FOUND' });
      }
      const [row] = await db.insert(supervisionGroups).values({ projectId, name: parsed.data.name, templateId: parsed.data.templateId, phaseId }).returning();
      if (!row) throw new Error('insert returned no row');
      await audit.record({ actorKind: 'user', actorId: userId, action: 'supervision.group', projectId, target: row.id });
      return ok(row);
    },

    /**
     * Opens a meeting of a group as a live session, with the group's template (or another
     * one) frozen into its state and last meeting's agreements carried over.
     */
    async openMeeting(userId: string, projectId: string, groupId: string, templateId?: string): Promise<Result<{ sessionId: string }>> {
      if (!uuid.safeParse(groupId).success) return fail('NOT_FOUND', 'no such group');
      const [group] = await db.select().from(supervisionGroups).where(and(eq(supervisionGroups.id, groupId), eq(supervisionGroups.projectId, projectId)));
      if (!group) return fail('NOT_FOUND', 'no such group');
      const chosen = templateId ?? group.templateId;
      if (!chosen) return fail('BAD_REQUEST', 'the group has no template', { templateId: 'REQUIRED' });
      const template = await templateFor(userId, chosen);
      if (!template.ok) return template;
      if (template.data.projectId !== projectId) return fail('NOT_FOUND', 'template of another project');
      const content = templateContentSchema.parse(template.data);
      const runtime = startSupervision({ groupId, templateName: content.name, allowSkip: content.allowSkip, rounds: content.rounds, previousAgreements: await lastAgreements(groupId) });
      const opened = await live.open(userId, projectId, { title: group.name }, { supervision: { groupId, runtime } });
      return opened.ok ? ok({ sessionId: opened.data.id }) : opened;
    },
  };
}
export type SupervisionService = ReturnType<typeof createSupervisionService>;
