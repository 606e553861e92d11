import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, findings, findingStatusChanges, liveSessions, phases, users, workshops, type Finding } from '@/db/schema';
import { fieldErrors } from '@/lib/account-schemas';
import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import {
  findingInputSchema,
  findingTextFields,
  importTextSchema,
  MAX_IMPORTED_FINDINGS,
  parseFindingsText,
  statusChangeSchema,
  type FindingInput,
  type ParsedFinding,
} from '@/lib/finding-schemas';
import { personalDataKinds } from '@/lib/privacy-guard';
import type { AuditService } from './audit-service';
import type { ProjectService } from './project-service';

export type FindingWithPhase = Finding & { phaseName: string | null };
export type ResponseCounts = { kjenner_igjen: number; nyanserer: number; avkrefter: number };

export interface FindingEvidenceView {
  counts: ResponseCounts;
  /** Workshops (or plain live sessions) the responses came from, newest first, with their own counts. */
  sources: { key: string; title: string | null; date: string | null; counts: ResponseCounts }[];
  /** Comments, newest first. `authorName` only for authors who chose to be named: anonymous stays anonymous. */
  /** `redacted`: a facilitator took the text out (it is empty); the page shows a marker. */
  comments: { id: string; sourceKey: string; text: string; response: keyof ResponseCounts | null; createdAt: Date; authorName: string | null; redacted?: boolean }[];
  /** Plenary themes the facilitator linked to this finding, with their dot counts. */
  themes: { id: string; name: string; votes: number; notes: string[]; workshop: string | null }[];
}

const zero = (): ResponseCounts => ({ kjenner_igjen: 0, nyanserer: 0, avkrefter: 0 });

/** The first free-text field holding personal data, as form field errors; null when clean. */
function personalDataIn(values: ParsedFinding): Record<string, string> | null {
  for (const name of findingTextFields) {
    const value = values[name];
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((t) => personalDataKinds(t).length > 0)) return { [name]: 'PERSONAL_DATA' };
  }
  return null;
}

/** zod and the privacy guard: nothing with personal data in it is stored. */
function check(input: unknown): Result<FindingInput> {
  const parsed = findingInputSchema.safeParse(input);
  if (!parsed.success) return parseFailure(parsed.error, 'invalid finding', fieldErrors(parsed.error));
  const personal = personalDataIn(parsed.data);
  return personal ? fail('PERSONAL_DATA', 'personal data in finding', personal) : ok(parsed.data);
}

/**
 * The findings library of a project: preliminary findings the researchers bring to
 * workshops, their order, and how each one's status moved with the evidence behind it.
 * Every verb authorises by project membership first.
 */
export function createFindingsService(db: Db, projects: ProjectService, audit: AuditService) {
  const member = (projectId: string, userId: string) => projects.authorise(projectId, userId, 'member');

  /** Checks input, the privacy guard and that the phase is the project's own. */
  async function validate(projectId: string, input: unknown): Promise<Result<FindingInput>> {
    const checked = check(input);
    if (!checked.ok) return checked;
    if (!(await phaseOk(projectId, checked.data.phaseId))) return fail('BAD_REQUEST', 'phase of another project', { phaseId: 'INVALID' });
    return checked;
  }

  async function phaseOk(projectId: string, phaseId: string | null) {
    if (phaseId === null) return true;
    const [row] = await db.select({ id: phases.id }).from(phases).where(and(eq(phases.id, phaseId), eq(phases.projectId, projectId)));
    return Boolean(row);
  }

  async function nextPosition(projectId: string) {
    const [last] = await db.select({ p: max(findings.position) }).from(findings).where(eq(findings.projectId, projectId));
    return (last?.p ?? -1) + 1;
  }

  const inProject = (projectId: string, findingId: string) => and(eq(findings.id, findingId), eq(findings.projectId, projectId));
  const record = (userId: string, action: string, projectId: string, target?: string, details?: Record<string, unknown>) =>
    audit.record({ actorKind: 'user', actorId: userId, action, projectId, target, details });

  async function listRows(projectId: string, findingId?: string): Promise<FindingWithPhase[]> {
    const rows = await db
      .select({ finding: findings, phaseName: phases.name })
      .from(findings)
      .leftJoin(phases, eq(phases.id, findings.phaseId))
      .where(findingId ? inProject(projectId, findingId) : eq(findings.projectId, projectId))
      .orderBy(asc(findings.position), asc(findings.createdAt));
    return rows.map((r) => ({ ...r.finding, phaseName: r.phaseName }));
  }

  async function get(userId: string, projectId: string, findingId: string): Promise<Result<FindingWithPhase>> {
    const role = await member(projectId, userId);
    if (!role.ok) return role;
    const [row] = await listRows(projectId, findingId);
    return row ? ok(row) : fail('NOT_FOUND', 'no such finding');
  }

  return {
    get,

    /** The library in the order facilitators arranged it, with each finding's phase name. */
    async list(userId: string, projectId: string): Promise<Result<FindingWithPhase[]>> {
      const role = await member(projectId, userId);
      return role.ok ? ok(await listRows(projectId)) : role;
    },

    async create(userId: string, projectId: string, input: unknown): Promise<Result<Finding>> {
      const role = await member(projectId, userId);
      if (!role.ok) return role;
      const valid = await validate(projectId, input);
      if (!valid.ok) return valid;
      const [created] = await db.insert(findings).values({ ...valid.data, projectId, position: await nextPosition(projectId) }).returning();
      if (!created) throw new Error('insert returned no row');
      await record(userId, 'finding.create', projectId, created.id);
      return ok(created);
    },

    async update(userId: string, projectId: string, findingId: string, input: unknown): Promise<Result<Finding>> {
      const role = await member(projectId, userId);
      if (!role.ok) return role;
      const valid = await validate(projectId, input);
      if (!valid.ok) return valid;
      const [updated] = await db.update(findings).set({ ...valid.data, updatedAt: new Date() }).where(inProject(projectId, findingId)).returning();
      if (!updated) return fail('NOT_FOUND', 'no such finding');
      await record(userId, 'finding.update', projectId, findingId);
      return ok(updated);
    },

    /** Deletes the finding and its history; workshop feedback stays, unlinked (set null). */
    async remove(userId: string, projectId: string, findingId: string): Promise<Result<null>> {
      const role = await member(projectId, userId);
      if (!role.ok) return role;
      const deleted = await db.delete(findings).where(inProject(projectId, findingId)).returning({ id: findings.id });
      if (deleted.length === 0) return fail('NOT_FOUND', 'no such finding');
      await record(userId, 'finding.delete', projectId, findingId);
      return ok(null);
    },

    /** Moves a finding one step up or down, swapping positions with its neighbour. */
    async move(userId: string, projectId: string, findingId: string, direction: -1 | 1): Promise<Result<null>> {
      const role = await member(projectId, userId);
      if (!role.ok) return role;
      const moved = await db.transaction(async (tx) => {
        const rows = await tx.select().from(findings).where(eq(findings.projectId, projectId)).orderBy(asc(findings.position), asc(findings.createdAt));
        const i = rows.findIndex((f) => f.id === findingId);
        if (i < 0) return false;
        const a = rows[i];
        const b = rows[i + direction];
        if (!a || !b) return true; // already first or last: nothing to do
        // Equal positions (e.g. rows added concurrently) would swap to no effect; use indices then.
        const [pa, pb] = a.position === b.position ? [i, i + direction] : [a.position, b.position];
        await tx.update(findings).set({ position: pb }).where(eq(findings.id, a.id));
        await tx.update(findings).set({ position: pa }).where(eq(findings.id, b.id));
        return true;
      });
      return moved ? ok(null) : fail('NOT_FOUND', 'no such finding');
    },

    /** Appends findings parsed from pasted text (see parseFindingsText); all or nothing. */
    async importText(userId: string, projectId: string, text: unknown, phaseId: string | null): Promise<Result<{ count: number }>> {
      const role = await member(projectId, userId);
      if (!role.ok) return role;
      const raw = importTextSchema.safeParse(text);
      if (!raw.success) return parseFailure(raw.error, 'invalid import text', { text: fieldErrors(raw.error).form ?? 'INVALID' });
      const parsed = parseFindingsText(raw.data);
      if (parsed.length === 0) return fail('BAD_REQUEST', 'nothing to import', { text: 'REQUIRED' });
      if (parsed.length > MAX_IMPORTED_FINDINGS) return fail('BAD_REQUEST', 'too many findings', { text: 'TOO_MANY' });
      const phase = findingInputSchema.shape.phaseId.safeParse(phaseId);
      if (!phase.success || !(await phaseOk(projectId, phase.data))) return fail('BAD_REQUEST', 'bad phase', { phaseId: 'INVALID' });
      const values: FindingInput[] = [];
      for (const candidate of parsed) {
        const valid = check({ ...candidate, phaseId: phase.data });
        // The import form has one field; the page's preview shows which finding is the problem.
        if (!valid.ok) return fail(valid.error.code, 'invalid imported finding', { text: Object.values(valid.error.fields ?? {})[0] ?? 'INVALID' });
        values.push(valid.data);
      }
      await db.transaction(async (tx) => {
        const [last] = await tx.select({ p: max(findings.position) }).from(findings).where(eq(findings.projectId, projectId));
        const start = (last?.p ?? -1) + 1;
        await tx.insert(findings).values(values.map((v, i) => ({ ...v, projectId, position: start + i })));
      });
      await record(userId, 'finding.import', projectId, undefined, { count: values.length });
      return ok({ count: values.length });
    },

    /** Moves a finding to a new status; the change and its note are kept in the same transaction. */
    async setStatus(userId: string, projectId: string, findingId: string, input: unknown): Promise<Result<{ status: Finding['status'] }>> {
      const role = await member(projectId, userId);
      if (!role.ok) return role;
      const parsed = statusChangeSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid status change', fieldErrors(parsed.error));
      const { status, note } = parsed.data;
      const from = await db.transaction(async (tx) => {
        const [finding] = await tx.select({ status: findings.status }).from(findings).where(inProject(projectId, findingId)).for('update');
        if (!finding) return null;
        await tx.update(findings).set({ status, updatedAt: new Date() }).where(eq(findings.id, findingId));
        await tx.insert(findingStatusChanges).values({ findingId, fromStatus: finding.status, toStatus: status, note, changedBy: userId });
        return finding.status;
      });
      if (!from) return fail('NOT_FOUND', 'no such finding');
      await record(userId, 'finding.status', projectId, findingId, { from, to: status });
      return ok({ status });
    },

    /** Status changes, oldest first, with the name of the facilitator who made each. */
    async history(userId: string, projectId: string, findingId: string) {
      const found = await get(userId, projectId, findingId);
      if (!found.ok) return found;
      const rows = await db
        .select({ id: findingStatusChanges.id, fromStatus: findingStatusChanges.fromStatus, toStatus: findingStatusChanges.toStatus, note: findingStatusChanges.note, changedAt: findingStatusChanges.changedAt, changedBy: users.name })
        .from(findingStatusChanges)
        .leftJoin(users, eq(users.id, findingStatusChanges.changedBy))
        .where(eq(findingStatusChanges.findingId, findingId))
        .orderBy(asc(findingStatusChanges.changedAt), asc(findingStatusChanges.id));
      return ok(rows);
    },

    /** What participants answered to the finding across workshops (hidden items left out). */
    async evidence(userId: string, projectId: string, findingId: string): Promise<Result<FindingEvidenceView>> {
      const found = await get(userId, projectId, findingId);
      if (!found.ok) return found;
      // Explicit columns: participantId never leaves this query, and names only for 'named'.
      const rows = await db
        .select({
          id: feedbackItems.id,
          response: feedbackItems.response,
          text: feedbackItems.text,
          authorKind: feedbackItems.authorKind,
          authorName: feedbackItems.authorName,
          createdAt: feedbackItems.createdAt,
          workshopId: feedbackItems.workshopId,
          sessionId: feedbackItems.sessionId,
          workshopTitle: workshops.title,
          workshopDate: workshops.date,
          sessionTitle: liveSessions.title,
          redactedAt: feedbackItems.redactedAt,
        })
        .from(feedbackItems)
        .leftJoin(workshops, eq(workshops.id, feedbackItems.workshopId))
        .leftJoin(liveSessions, eq(liveSessions.id, feedbackItems.sessionId))
        .where(and(eq(feedbackItems.findingId, findingId), eq(feedbackItems.projectId, projectId), eq(feedbackItems.kind, 'finding_response'), isNull(feedbackItems.hiddenAt)))
        .orderBy(desc(feedbackItems.createdAt), desc(feedbackItems.id));
      const themes = await db
        .select({ id: feedbackItems.id, name: feedbackItems.text, votes: feedbackItems.value, data: feedbackItems.data, workshop: workshops.title })
        .from(feedbackItems)
        .leftJoin(workshops, eq(workshops.id, feedbackItems.workshopId))
        .where(and(eq(feedbackItems.findingId, findingId), eq(feedbackItems.projectId, projectId), eq(feedbackItems.kind, 'cluster'), isNull(feedbackItems.hiddenAt)))
        .orderBy(desc(feedbackItems.createdAt));
      const view: FindingEvidenceView = {
        counts: zero(),
        sources: [],
        comments: [],
        themes: themes.map((th) => ({ id: th.id, name: th.name, votes: th.votes ?? 0, notes: Array.isArray(th.data.notes) ? (th.data.notes as string[]) : [], workshop: th.workshop })),
      };
      const sources = new Map<string, FindingEvidenceView['sources'][number]>();
      for (const row of rows) {
        const key = row.workshopId ?? row.sessionId ?? 'other';
        let source = sources.get(key);
        if (!source) {
          source = { key, title: row.workshopTitle ?? row.sessionTitle, date: row.workshopDate, counts: zero() };
          sources.set(key, source);
          view.sources.push(source);
        }
        if (row.response) {
          view.counts[row.response]++;
          source.counts[row.response]++;
        }
        if (row.redactedAt) {
          view.comments.push({ id: row.id, sourceKey: key, text: '', response: row.response, createdAt: row.createdAt, authorName: null, redacted: true });
        } else if (row.text.trim()) {
          const authorName = row.authorKind === 'named' ? row.authorName : null;
          view.comments.push({ id: row.id, sourceKey: key, text: row.text, response: row.response, createdAt: row.createdAt, authorName });
        }
      }
      return ok(view);
    },
  };
}
export type FindingsService = ReturnType<typeof createFindingsService>;
