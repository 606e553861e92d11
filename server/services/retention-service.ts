import { and, eq, inArray, isNotNull, like, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, participants, projects, qsorts, yjsSnapshots, yjsUpdates, yjsUsage } from '@/db/schema';
import { sessionKeyPatterns } from '@/lib/lifecycle/deletion-scope';
import { osloDate, retainItem, retainSessionState, retainSort } from '@/lib/lifecycle/retention';
import { safeReadLiveState } from '@/lib/live-session';
import type { Logger } from '../logger';
import type { AuditService } from './audit-service';

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

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Deletes the raw free text of one project as lib/lifecycle/retention.ts defines it. Touches
 * `feedback_items.text`, `.author_name` and `.data` (marked with `retainedAt`),
 * `participants.display_name` and `.attributes`, `q_sorts.state` (comments, missing, pseudonym),
 * `live_sessions.state` of ended sessions (see `retainSessionState`),
 * and deletes the `yjs_updates`, `yjs_snapshots` and `d:` usage rows of its ended sessions.
 */
export async function deleteRawFreeText(tx: Tx, projectId: string, at: Date): Promise<RetentionReport> {
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

  const sessions = await tx.select({ id: liveSessions.id, status: liveSessions.status, state: liveSessions.state }).from(liveSessions).where(eq(liveSessions.projectId, projectId));
  report.openSessions = sessions.filter((s) => s.status === 'open').length;
  const ended = sessions.filter((s) => s.status === 'ended').map((s) => s.id);
  if (ended.length === 0) return report;

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

  for (const session of sessions.filter((s) => s.status === 'ended')) {
    const parsed = safeReadLiveState(session.state);
    const state = parsed.success ? retainSessionState(parsed.data) : null;
    if (!state) continue;
    await tx.update(liveSessions).set({ state }).where(eq(liveSessions.id, session.id));
    report.states++;
  }

  for (const sessionId of ended) {
    const keys = sessionKeyPatterns(sessionId);
    const updates = await tx.delete(yjsUpdates).where(like(yjsUpdates.docName, keys.docs)).returning({ doc: yjsUpdates.docName });
    const snapshots = await tx.delete(yjsSnapshots).where(like(yjsSnapshots.docName, keys.docs)).returning({ doc: yjsSnapshots.docName });
    // What each subject appended stays counted (`s:` keys bound what a device may write, ever).
    await tx.delete(yjsUsage).where(like(yjsUsage.key, keys.usage[0]!));
    report.docs += new Set([...updates, ...snapshots].map((r) => r.doc)).size;
  }
  return report;
}

const touched = (r: RetentionReport) => r.items + r.participants + r.sorts + r.docs + r.states > 0;

/**
 * Runs retention for every project whose date has passed. One run at a time across all server
 * processes: the run holds a transaction-scoped advisory lock, and a process that cannot take it
 * skips (the other is doing the work). Idempotent, so a run after a restart redoes nothing.
 */
export function createRetentionService(db: Db, audit: AuditService, log: Logger, now: () => Date = () => new Date()) {
  return {
    async run(): Promise<RetentionRun> {
      const at = now();
      const result = await db.transaction(async (tx): Promise<RetentionRun> => {
        const [lock] = rowsOf<{ got: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as got`));
        if (!lock?.got) return { ran: false };
        const due = await tx.select({ id: projects.id }).from(projects).where(lt(projects.retainFreeTextUntil, osloDate(at)));
        const reports: RetentionReport[] = [];
        for (const project of due) reports.push(await deleteRawFreeText(tx, project.id, at));
        return { ran: true, reports };
      });
      if (!result.ran) {
        log.info('retention skipped: another process is running it');
        return result;
      }
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
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = retention.run().catch((err: unknown) => log.error({ err }, 'retention run failed'));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    /** Stops the timer and waits for a run in progress, so the database can close after it. */
    async close(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
