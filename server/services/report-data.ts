import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, findings, findingStatusChanges, liveSessions, phases, users, workshops } from '@/db/schema';
import type { AgendaActivity } from '@/lib/activities/registry';
import { safeReadLiveState } from '@/lib/live-session';
import type { ActivityReport, FindingTally, MeetingReport, ReportFinding, SessionReport, StudyReport } from '@/lib/reports/report-data';
import { publicResults } from '@/lib/workshop/results';
import { tallyActivity, type AnswerRow } from '@/lib/workshop/tally';
import type { WorkshopRuntime } from '@/lib/workshop/runtime';

type Item = typeof feedbackItems.$inferSelect;

/** The project's findings (all, or those named) in library order, each with its status history. */
export async function reportFindings(db: Db, projectId: string, only: ReadonlySet<string> | null): Promise<ReportFinding[]> {
  const rows = await db
    .select({ id: findings.id, title: findings.title, summary: findings.summary, status: findings.status, phaseName: phases.name })
    .from(findings)
    .leftJoin(phases, eq(phases.id, findings.phaseId))
    .where(eq(findings.projectId, projectId))
    .orderBy(asc(findings.position));
  const chosen = only ? rows.filter((f) => only.has(f.id)) : rows;
  if (chosen.length === 0) return [];
  const changes = await db
    .select({ findingId: findingStatusChanges.findingId, from: findingStatusChanges.fromStatus, to: findingStatusChanges.toStatus, note: findingStatusChanges.note, at: findingStatusChanges.changedAt, by: users.name })
    .from(findingStatusChanges)
    .leftJoin(users, eq(users.id, findingStatusChanges.changedBy))
    .where(inArray(findingStatusChanges.findingId, chosen.map((f) => f.id)))
    .orderBy(asc(findingStatusChanges.changedAt), asc(findingStatusChanges.id));
  return chosen.map((f) => ({ ...f, history: changes.filter((c) => c.findingId === f.id).map((c) => ({ at: c.at, from: c.from, to: c.to, note: c.note, by: c.by })) }));
}

/** The findings a set of workshop runs showed in their findings rounds. */
export function findingsShown(sessions: { state: unknown }[]): Set<string> {
  const ids = new Set<string>();
  for (const s of sessions) {
    const runtime = safeReadLiveState(s.state);
    for (const a of runtime.success ? (runtime.data.workshop?.activities ?? []) : []) if (a.kind === 'findings') for (const id of a.config.findingIds) ids.add(id);
  }
  return ids;
}

type SessionRow = { id: string; title: string; workshopId: string | null; state: unknown; createdAt: Date; endedAt: Date | null };

/** Workshop runs of the project (all, or of one workshop, or one session), oldest first. */
export async function workshopRuns(db: Db, projectId: string, filter: { workshopId?: string; sessionId?: string }): Promise<SessionRow[]> {
  return db
    .select({ id: liveSessions.id, title: liveSessions.title, workshopId: liveSessions.workshopId, state: liveSessions.state, createdAt: liveSessions.createdAt, endedAt: liveSessions.endedAt })
    .from(liveSessions)
    .where(
      and(
        eq(liveSessions.projectId, projectId),
        eq(liveSessions.kind, 'workshop'),
        filter.workshopId ? eq(liveSessions.workshopId, filter.workshopId) : undefined,
        filter.sessionId ? eq(liveSessions.id, filter.sessionId) : undefined,
      ),
    )
    .orderBy(asc(liveSessions.createdAt));
}

/** The workshop's title and minimum count, for sessions that run one. */
export async function workshopsOf(db: Db, projectId: string) {
  return db.select({ id: workshops.id, title: workshops.title, minRevealCount: workshops.minRevealCount }).from(workshops).where(eq(workshops.projectId, projectId));
}

/**
 * One workshop run as the report shows it: every activity in agenda order, tallied from all
 * stored answers and then cut by the kinds' own public views (`publicResults`) with the
 * workshop's minimum count and hidden items, so a report shows exactly what the big screen
 * could have shown after reveal. Redacted texts are left out, not marked.
 */
export async function sessionReport(db: Db, session: SessionRow, meetings: MeetingReport[], studies: StudyReport[]): Promise<SessionReport | null> {
  const parsed = safeReadLiveState(session.state);
  const runtime = parsed.success ? parsed.data.workshop : null;
  if (!runtime) return null;
  const items = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id)).orderBy(asc(feedbackItems.createdAt), asc(feedbackItems.id));
  const hidden = new Set([...runtime.hiddenItems, ...items.filter((i) => i.hiddenAt).map((i) => i.id)]);
  const shown = [...findingsShown([session])];
  const titled = shown.length > 0 ? await db.select({ id: findings.id, title: findings.title }).from(findings).where(inArray(findings.id, shown)) : [];
  const titles = new Map(titled.map((f) => [f.id, f.title]));
  const ctx: ActivityContext = { runtime, items, hidden, titles, min: runtime.minRevealCount, meetings, studies };
  return {
    id: session.id,
    title: session.title,
    workshopId: session.workshopId,
    startedAt: session.createdAt,
    endedAt: session.endedAt,
    minCount: runtime.minRevealCount,
    activities: runtime.activities.flatMap((a) => activityReport(ctx, a) ?? []),
  };
}

interface ActivityContext {
  runtime: WorkshopRuntime;
  items: Item[];
  hidden: Set<string>;
  titles: Map<string, string>;
  min: number;
  meetings: MeetingReport[];
  studies: StudyReport[];
}

const answerRow = (r: Item): AnswerRow => ({ ...r, updatedAt: r.updatedAt.getTime(), redactedAt: r.redactedAt?.getTime() ?? null });
const visible = (ctx: ActivityContext, i: Item) => !ctx.hidden.has(i.id) && i.redactedAt === null && i.text.trim() !== '';

function tallied(ctx: ActivityContext, activity: AgendaActivity, step: number) {
  const rows = ctx.items.filter((i) => i.activityId === activity.id).map(answerRow);
  return publicResults(tallyActivity(activity, step, rows), true, ctx.min, [...ctx.hidden]);
}

function activityReport(ctx: ActivityContext, a: AgendaActivity): ActivityReport | null {
  switch (a.kind) {
    case 'findings': {
      const list: FindingTally[] = a.config.findingIds.map((findingId, step) => {
        const r = tallied(ctx, a, step);
        const f = r?.kind === 'findings' ? r : null;
        return { findingId, title: ctx.titles.get(findingId) ?? '', total: f?.total ?? null, counts: f?.counts ?? null, comments: (f?.comments ?? []).filter((c) => !c.redacted && c.text.trim()).map((c) => ({ text: c.text })) };
      });
      return { kind: 'findings', id: a.id, title: a.title, findings: list };
    }
    case 'reflection': {
      const notes = ctx.items.filter((i) => i.activityId === a.id && i.kind === 'note' && visible(ctx, i));
      const names = [...new Set([...ctx.runtime.groups.map((g) => g.name), ...notes.map((n) => n.groupName ?? '')])];
      return { kind: 'reflection', id: a.id, title: a.title, prompt: a.config.prompt, groups: names.map((name) => ({ name, notes: notes.filter((n) => (n.groupName ?? '') === name).map((n) => n.text) })) };
    }
    case 'plenary': {
      const r = tallied(ctx, a, 0);
      const p = r?.kind === 'plenary' ? r : null;
      // A cluster keeps its notes' texts; a note hidden or redacted on its board must not come back through it.
      const withheld = new Set(ctx.items.filter((i) => i.kind === 'note' && !visible(ctx, i) && i.text).map((i) => i.text));
      const themes = ctx.items
        .filter((i) => i.activityId === a.id && i.kind === 'cluster' && !ctx.hidden.has(i.id) && i.redactedAt === null)
        .map((c) => ({
          name: c.theme ?? c.text,
          dots: p?.votes ? (p.votes[c.itemKey ?? ''] ?? 0) : null,
          notes: (Array.isArray(c.data.notes) ? c.data.notes : []).filter((n): n is string => typeof n === 'string' && n.trim() !== '' && !withheld.has(n)),
        }));
      return { kind: 'plenary', id: a.id, title: a.title, voters: p?.voters ?? null, themes, wordQuestion: a.config.wordCloudQuestion, wordTotal: p?.wordTotal ?? null, words: p?.words ?? [] };
    }
    case 'closing': {
      const r = tallied(ctx, a, 0);
      const c = r?.kind === 'closing' ? r : null;
      const text = new Map(a.config.questions.map((q) => [q.id, q.text]));
      return {
        kind: 'closing',
        id: a.id,
        title: a.title,
        respondents: c?.respondents ?? null,
        questions: (c?.questions ?? a.config.questions.map((q) => ({ id: q.id, n: null, distribution: null, mean: null }))).map((q) => ({ ...q, text: text.get(q.id) ?? q.id })),
        freeTextQuestion: a.config.freeTextQuestion,
        texts: (c?.texts ?? []).filter((x) => !x.redacted && x.text.trim()).map((x) => x.text),
      };
    }
    case 'question': {
      const r = tallied(ctx, a, 0);
      const q = r?.kind === 'question' && r.format !== null ? r : null;
      const scale = q?.scale && q.distribution ? { values: q.distribution.map((_, i) => q.scale!.min + i), counts: q.distribution, mean: q.mean } : null;
      return { kind: 'question', id: a.id, title: a.title, prompt: a.config.prompt, total: q?.total ?? null, options: (q?.options ?? []).map((o) => ({ text: o.text, count: o.count })), scale, words: q?.words ?? [] };
    }
    case 'supervision':
      return { kind: 'supervision', id: a.id, title: a.title, meeting: ctx.meetings.find((m) => m.activityId === a.id) ?? null };
    case 'qsort':
      return { kind: 'qsort', id: a.id, title: a.title, study: ctx.studies.find((s) => s.activityId === a.id) ?? null };
    default:
      return null;
  }
}
