import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, supervisionGroups } from '@/db/schema';
import { ok, type Result } from '@/lib/errors';
import { agreementSchema, evaluationQuestions, type Agreement, type EvaluationQuestion } from '@/lib/supervision/outcome';
import { qsortStudies, type QsortStudyRecord } from './feedback-archive-qsort';
import type { ProjectService } from './project-service';

export { FEW_QSORT_SORTS, type QsortCommentRecord, type QsortFactorRecord, type QsortStudyRecord } from './feedback-archive-qsort';

/**
 * Evaluation averages are shown only from this many answers: in a group of four, two or
 * three answers could tell who thought what.
 */
export const MIN_EVALUATION_ANSWERS = 3;

/** The kinds of session the archive can show; workshops join this list later. */
export const archiveSources = ['kollegaveiledning', 'qsort'] as const;
export type ArchiveSource = (typeof archiveSources)[number];

export interface EvaluationSummary {
  /** The most answers any question got: how many members evaluated, as far as we can tell. */
  respondents: number;
  /** Per question in the fixed order; `average` is null below MIN_EVALUATION_ANSWERS answers. */
  questions: { question: EvaluationQuestion; answers: number; average: number | null }[];
}

/** One kollegaveiledning meeting as the project keeps it. */
export interface SupervisionMeetingRecord {
  source: 'kollegaveiledning';
  sessionId: string;
  groupId: string | null;
  groupName: string;
  templateName: string | null;
  startedAt: Date;
  /** Null while the meeting is still open. */
  endedAt: Date | null;
  case: { text: string; question: string } | null;
  /** In the template's round order. */
  roundNotes: { roundId: string; roundName: string; text: string }[];
  learningPoints: { id: string; text: string }[];
  agreements: ({ id: string } & Agreement)[];
  evaluation: EvaluationSummary;
}

/** Everything the archive page lists; a union that grows with each source. */
export type ArchiveEntry = SupervisionMeetingRecord | QsortStudyRecord;

/** Only what the archive needs of a kollegaveiledning's state; the rest is ignored. */
const meetingStateSchema = z.object({
  supervision: z.object({ templateName: z.string(), rounds: z.array(z.object({ id: z.string() })) }).nullish(),
});

const caseDataSchema = z.object({ question: z.string().default(''), template: z.string().optional() });

const isQuestion = (key: string | null): key is EvaluationQuestion => evaluationQuestions.includes(key as EvaluationQuestion);

/** Averages per question, held back below the minimum count. */
export function summariseEvaluation(answers: { question: string | null; value: number | null }[]): EvaluationSummary {
  const questions = evaluationQuestions.map((question) => {
    const values = answers.filter((a) => a.question === question && a.value !== null).map((a) => a.value as number);
    const enough = values.length >= MIN_EVALUATION_ANSWERS;
    return { question, answers: values.length, average: enough ? values.reduce((s, v) => s + v, 0) / values.length : null };
  });
  return { respondents: Math.max(0, ...questions.map((q) => q.answers)), questions };
}

/**
 * The project's formative feedback, read back per session for the "Tilbakemeldinger" page.
 * Read-only; every verb authorises by project membership. Hidden items stay hidden, and
 * anonymous items carry no author here at all.
 */
export function createFeedbackArchive(db: Db, projects: ProjectService) {
  /** The project's kollegaveiledning meetings, newest first, with everything they left. */
  async function supervisionMeetings(userId: string, projectId: string): Promise<Result<SupervisionMeetingRecord[]>> {
    const role = await projects.authorise(projectId, userId, 'member');
    if (!role.ok) return role;
    const sessions = await db
      .select({
        id: liveSessions.id,
        title: liveSessions.title,
        state: liveSessions.state,
        createdAt: liveSessions.createdAt,
        endedAt: liveSessions.endedAt,
        groupId: liveSessions.supervisionGroupId,
        groupName: supervisionGroups.name,
      })
      .from(liveSessions)
      .leftJoin(supervisionGroups, eq(supervisionGroups.id, liveSessions.supervisionGroupId))
      .where(and(eq(liveSessions.projectId, projectId), eq(liveSessions.kind, 'kollegaveiledning')))
      .orderBy(desc(liveSessions.createdAt));
    if (sessions.length === 0) return ok([]);
    const items = await db
      .select({
        id: feedbackItems.id,
        sessionId: feedbackItems.sessionId,
        kind: feedbackItems.kind,
        itemKey: feedbackItems.itemKey,
        theme: feedbackItems.theme,
        text: feedbackItems.text,
        value: feedbackItems.value,
        data: feedbackItems.data,
      })
      .from(feedbackItems)
      .where(
        and(
          eq(feedbackItems.projectId, projectId),
          inArray(feedbackItems.sessionId, sessions.map((s) => s.id)),
          inArray(feedbackItems.kind, ['supervision_case', 'round_notes', 'learning_point', 'agreement', 'evaluation']),
          isNull(feedbackItems.hiddenAt),
        ),
      )
      .orderBy(asc(feedbackItems.createdAt));

    return ok(
      sessions.map((session) => {
        const mine = items.filter((i) => i.sessionId === session.id);
        const state = meetingStateSchema.safeParse(session.state);
        const runtime = state.success ? state.data.supervision : null;
        const order = runtime?.rounds.map((r) => r.id) ?? [];
        const caseItem = mine.find((i) => i.kind === 'supervision_case');
        const caseData = caseItem ? caseDataSchema.safeParse(caseItem.data) : null;
        const rank = (id: string | null) => (id && order.includes(id) ? order.indexOf(id) : order.length);
        return {
          source: 'kollegaveiledning' as const,
          sessionId: session.id,
          groupId: session.groupId,
          groupName: session.groupName ?? session.title,
          templateName: runtime?.templateName ?? (caseData?.success ? (caseData.data.template ?? null) : null),
          startedAt: session.createdAt,
          endedAt: session.endedAt,
          case: caseItem ? { text: caseItem.text, question: caseData?.success ? caseData.data.question : '' } : null,
          roundNotes: mine
            .filter((i) => i.kind === 'round_notes')
            .sort((a, b) => rank(a.itemKey) - rank(b.itemKey))
            .map((i) => ({ roundId: i.itemKey ?? '', roundName: i.theme ?? '', text: i.text })),
          learningPoints: mine.filter((i) => i.kind === 'learning_point').map((i) => ({ id: i.id, text: i.text })),
          agreements: mine.flatMap((i) => {
            const parsed = i.kind === 'agreement' ? agreementSchema.safeParse(i.data) : null;
            return parsed?.success ? [{ id: i.id, ...parsed.data }] : [];
          }),
          evaluation: summariseEvaluation(
            mine.filter((i) => i.kind === 'evaluation' && isQuestion(i.itemKey)).map((i) => ({ question: i.itemKey, value: i.value })),
          ),
        };
      }),
    );
  }

  return {
    supervisionMeetings,

    /** The project's Q-sort studies, newest first: sorts counted, named factors, comments. */
    async qsortStudies(userId: string, projectId: string): Promise<Result<QsortStudyRecord[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      return role.ok ? ok(await qsortStudies(db, projectId)) : role;
    },

    /** Everything from the chosen sources (all by default), newest first. */
    async entries(userId: string, projectId: string, sources: readonly ArchiveSource[] = archiveSources): Promise<Result<ArchiveEntry[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const entries: ArchiveEntry[] = [];
      if (sources.includes('kollegaveiledning')) {
        const meetings = await supervisionMeetings(userId, projectId);
        if (!meetings.ok) return meetings;
        entries.push(...meetings.data);
      }
      if (sources.includes('qsort')) entries.push(...(await qsortStudies(db, projectId)));
      return ok(entries.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()));
    },
  };
}
export type FeedbackArchive = ReturnType<typeof createFeedbackArchive>;
