import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, phases, workshops } from '@/db/schema';
import { buildTimeline, type TimelinePhase } from '@/lib/archive/timeline';
import { ok, type Result } from '@/lib/errors';
import { MIN_EVALUATION_ANSWERS } from './feedback-archive';
import type { ProjectService } from './project-service';

/**
 * The project's timeline: phases, workshops, kollegaveiledning meetings and Q studies with what
 * each left behind. Counts only visible items (neither hidden nor redacted); evaluations are
 * distributions held back below the workshop's minimum count (at least MIN_EVALUATION_ANSWERS).
 */
export function createArchiveTimeline(db: Db, projects: ProjectService) {
  return {
    async timeline(userId: string, projectId: string): Promise<Result<TimelinePhase[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const visible = and(eq(feedbackItems.projectId, projectId), isNull(feedbackItems.hiddenAt), isNull(feedbackItems.redactedAt), isNotNull(feedbackItems.sessionId));
      const [phaseRows, workshopRows, sessionRows, countRows, evaluationRows] = await Promise.all([
        db.select({ id: phases.id, name: phases.name, position: phases.position, startsOn: phases.startsOn, endsOn: phases.endsOn }).from(phases).where(eq(phases.projectId, projectId)),
        db
          .select({ id: workshops.id, title: workshops.title, date: workshops.date, phaseId: workshops.phaseId, minRevealCount: workshops.minRevealCount, createdAt: workshops.createdAt })
          .from(workshops)
          .where(eq(workshops.projectId, projectId)),
        db
          .select({ id: liveSessions.id, kind: liveSessions.kind, title: liveSessions.title, workshopId: liveSessions.workshopId, createdAt: liveSessions.createdAt, endedAt: liveSessions.endedAt })
          .from(liveSessions)
          .where(eq(liveSessions.projectId, projectId))
          .orderBy(asc(liveSessions.createdAt)),
        db
          .select({ sessionId: feedbackItems.sessionId, kind: feedbackItems.kind, count: sql<number>`count(*)::int` })
          .from(feedbackItems)
          .where(visible)
          .groupBy(feedbackItems.sessionId, feedbackItems.kind),
        db
          .select({ sessionId: feedbackItems.sessionId, question: feedbackItems.itemKey, label: feedbackItems.text, value: feedbackItems.value })
          .from(feedbackItems)
          .where(and(visible, eq(feedbackItems.kind, 'evaluation'), isNotNull(feedbackItems.value), isNotNull(feedbackItems.itemKey)))
          .orderBy(asc(feedbackItems.createdAt)),
      ]);
      return ok(
        buildTimeline({
          phases: phaseRows,
          workshops: workshopRows,
          sessions: sessionRows,
          counts: countRows.map((r) => ({ sessionId: r.sessionId!, kind: r.kind, count: Number(r.count) })),
          evaluations: evaluationRows.map((r) => ({ sessionId: r.sessionId!, question: r.question!, label: r.label, value: r.value! })),
          minAnswers: MIN_EVALUATION_ANSWERS,
        }),
      );
    },
  };
}
export type ArchiveTimeline = ReturnType<typeof createArchiveTimeline>;
