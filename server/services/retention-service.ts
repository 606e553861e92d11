import { and, eq, inArray, isNotNull, like, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, participants, projects, qsorts, yjsSnapshots, yjsUpdates, yjsUsage } from '@/db/schema';
import { sessionKeyPatterns } from '@/lib/lifecycle/deletion-scope';
import { osloDate, retainItem, retainSort } from '@/lib/lifecycle/retention';
import type { Logger } from '../logger';
import { runPeriodically } from './periodic';
import type { AuditService } from './audit-service';
import type { LiveService } from './live-service';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The advisory lock one retention run holds for its transaction ("verk" + 1), shared by every process. */
export const RETENTION_LOCK = 0x7665726b01;

/** What one project lost to retention in one run: counts only, never the text. */
export interface RetentionReport {
  projectId: string;
  /** Feedback items whose raw text was cleared. */
  items: number;
  /** Participants whose name and join answers were cleared. */
  participants: number;
  /** Q-sorts whose comments and pseudonym were cleared. */
  sorts: number;
  /** Yjs documents deleted. */
  docs: number;
  /** Ended sessions whose state lost its raw text (message, case, members' names). */
  states: number;
  /** Sessions still open: their participants, sorts and documents wait for a run after they end. */
  openSessions: number;
}

/** `ran: false`: another process held the lock, so this one did nothing. */
export type RetentionRun = { ran: false } | { ran: true; reports: RetentionReport[] };

/** What the locked part of a run did to one project, and its ended sessions, whose state is retained after it. */
export interface ProjectRetention {
  report: RetentionReport;
  endedSessionIds: string[];
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Deletes the raw free text of one project as lib/lifecycle/retention.ts defines it. Touches
 * `feedback_items.text`, `.author_name` and `.data` (marked with `retainedAt`),
 * `participants.display_name` and `.attributes`, `q_sorts.state` (comments, missing, pseudonym),
 * and deletes the `yjs_updates`, `yjs_snapshots` and `d:` usage rows of its ended sessions.
 * Not `live_sessions.state`: that changes only through `decide` (see `createRetentionService`).
 */
export async function deleteRawFreeText(tx: Tx, projectId: string, at: Date): Promise<ProjectRetention> {
  const report: RetentionReport = { projectId, items: 0, participants: 0, sorts: 0, docs: 0, states: 0, openSessions: 0 };
  const items = await tx
    .select({ id: feedbackItems.id, kind: feedbackItems.kind, text: feedbackItems.text, authorKind: feedbackItems.authorKind, authorName: feedbackItems.authorName, data: feedbackItems.data })
    .from(feedbackItems)
    .where(eq(feedbackItems.projectId, projectId));
  for (const item of items) {
    const patch = retainItem(item, at);
    if (!patch) continue;
    await tx.update(feedbackItems).set({ ...patch, updatedAt: at }).where(eq(feedbackItems.id, item.id));
    report.items++;
  }

  const sessions = await tx.select({ id: liveSessions.id, status: liveSessions.status }).from(liveSessions).where(eq(liveSessions.projectId, projectId));
  report.openSessions = sessions.filter((s) => s.status === 'open').length;
  const ended = sessions.filter((s) => s.status === 'ended').map((s) => s.id);
  if (ended.length === 0) return { report, endedSessionIds: ended };

  const named = await tx
    .update(participants)
    .set({ displayName: null, attributes: {} })
    .where(and(inArray(participants.sessionId, ended), or(isNotNull(participants.displayName), ne(participants.attributes, {}))))
    .returning({ id: participants.id });
  report.participants = named.length;

  for (const sort of await tx.select({ id: qsorts.id, state: qsorts.state }).from(qsorts).where(inArray(qsorts.sessionId, ended))) {
    const state = retainSort(sort.state);
    if (!state) continue;
    await tx.update(qsorts).set({ state, updatedAt: at }).where(eq(qsorts.id, sort.id));
    report.sorts++;
  }

  for (const sessionId of ended) {
    const keys = sessionKeyPatterns(sessionId);
    const updates = await tx.delete(yjsUpdates).where(like(yjsUpdates.docName, keys.docs)).returning({ doc: yjsUpdates.docName });
    const snapshots = await tx.delete(yjsSnapshots).where(like(yjsSnapshots.docName, keys.docs)).returning({ doc: yjsSnapshots.docName });
    // What each subject appended stays counted (`s:` keys bound what a device may write, ever).
    await tx.delete(yjsUsage).where(like(yjsUsage.key, keys.usage[0]!));
    report.docs += new Set([...updates, ...snapshots].map((r) => r.doc)).size;
  }
  return { report, endedSessionIds: ended };
}

const touched = (r: RetentionReport) => r.items + r.participants + r.sorts + r.docs + r.states > 0;

/**
 * Runs retention for every project whose date has passed. One run at a time across all server
 * processes: the run holds a transaction-scoped advisory lock, and a process that cannot take it
 * skips (the other is doing the work). Idempotent, so a run after a restart redoes nothing.
 *
 * An ended session's state is the one thing it changes through `live` (the `forgetRawText`
 * system command) rather than in its transaction: every change of a session's state goes
 * through `decide` and the versioned commit, so the version moves and other processes hear it.
 * That happens after the lock is released (the commit uses its own connection, and PGlite has
 * only one); a second run meanwhile finds those states already retained, or retains each once
 * (the versioned commit decides again on the newer state, which has nothing left to forget).
 */
export function createRetentionService(db: Db, audit: AuditService, live: Pick<LiveService, 'forgetRawText'>, log: Logger, now: () => Date = () => new Date()) {
  return {
    async run(): Promise<RetentionRun> {
      const at = now();
      const locked = await db.transaction(async (tx): Promise<{ ran: false } | { ran: true; projects: ProjectRetention[] }> => {
        const [lock] = rowsOf<{ got: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as got`));
        if (!lock?.got) return { ran: false };
        const due = await tx.select({ id: projects.id }).from(projects).where(lt(projects.retainFreeTextUntil, osloDate(at)));
        const done: ProjectRetention[] = [];
        for (const project of due) done.push(await deleteRawFreeText(tx, project.id, at));
        return { ran: true, projects: done };
      });
      if (!locked.ran) {
        log.info('retention skipped: another process is running it');
        return locked;
      }
      for (const { report, endedSessionIds } of locked.projects) {
        for (const sessionId of endedSessionIds) if (await live.forgetRawText(sessionId)) report.states++;
      }
      const result = { ran: true as const, reports: locked.projects.map((p) => p.report) };
      for (const report of result.reports.filter(touched)) {
        const { projectId, ...counts } = report;
        log.info({ projectId, ...counts }, 'retention deleted raw free text');
        await audit.record({ actorKind: 'system', action: 'retention.run', projectId, details: { ...counts } });
      }
      log.info({ projects: result.reports.length, touched: result.reports.filter(touched).length }, 'retention run done');
      return result;
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;

/** Runs retention now and then every `everyMs` (a day) until closed; a failed run is logged and tried again next time. */
export function scheduleRetention(retention: RetentionService, log: Logger, everyMs = 24 * 60 * 60 * 1000) {
  return runPeriodically(() => retention.run().catch((err: unknown) => log.error({ err }, 'retention run failed')), everyMs, { atStart: true });
}
