import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, supervisionGroups } from '@/db/schema';
import { ok, type Result } from '@/lib/errors';
import { agreementSchema, evaluationQuestions, type Agreement, type EvaluationQuestion } from '@/lib/supervision/outcome';
import { qsortStudies, type QsortStudyRecord } from './feedback-archive-qsort';
import type { ProjectService } from './project-service';
import type { SessionResults, SessionResultsService } from './session-results-service';

export { FEW_QSORT_SORTS, type QsortCommentRecord, type QsortFactorRecord, type QsortStudyRecord } from './feedback-archive-qsort';

/**
 * Evaluation averages are shown only from this many answers: in a group of four, two or
 * three answers could tell who thought what.
 */
export const MIN_EVALUATION_ANSWERS = 3;

/** The kinds of session the archive can show, in the filter's order. */
export const archiveSources = ['utviklingsverksted', 'kollegaveiledning', 'qsort'] as const;
export type ArchiveSource = (typeof archiveSources)[number];

export interface EvaluationSummary {
  /** The most answers any question got: how many members evaluated, as far as we can tell. */
  respondents: number;
  /** Per question in the fixed order; `average` is null below MIN_EVALUATION_ANSWERS answers. */
  questions: { question: EvaluationQuestion; answers: number; average: number | null }[];
}

/** One kollegaveiledning meeting as the project keeps it (standalone, or a step of a workshop). */
export interface SupervisionMeetingRecord {
  source: 'kollegaveiledning';
  sessionId: string;
  /** The workshop activity it ran as; null for a standalone meeting. */
  activityId: string | null;
  groupId: string | null;
  /** The group's name; inside a workshop, the activity's title on the agenda. */
  groupName: string;
  /** The workshop's title when the meeting ran as one of its activities. */
  workshopTitle: string | null;
  templateName: string | null;
  startedAt: Date;
  /** Null while the meeting is still open. */
  endedAt: Date | null;
  case: { text: string; question: string } | null;
  /** In the template's round order. */
  roundNotes: { roundId: string; roundName: string; text: string }[];
  /** `redacted`: the text was taken out; a marker is shown in its place. */
  learningPoints: { id: string; text: string; redacted?: boolean }[];
  agreements: ({ id: string } & Agreement)[];
  evaluation: EvaluationSummary;
}

/** One ended workshop session: what each of its activities left, by the members' rules (lib/results/session-results.ts). */
export interface WorkshopSessionRecord {
  source: 'utviklingsverksted';
  sessionId: string;
  /** A workshop session is one entry: its activities are inside `results`. */
  activityId: null;
  startedAt: Date;
  endedAt: Date | null;
  results: SessionResults;
}

/** Everything the archive page lists; a union that grows with each source. */
export type ArchiveEntry = SupervisionMeetingRecord | QsortStudyRecord | WorkshopSessionRecord;

/** Only what the archive needs of a kollegaveiledning's runtime; the rest is ignored. */
const runtimeSchema = z.object({ activityId: z.string().optional(), templateName: z.string(), rounds: z.array(z.object({ id: z.string() })) });
type MeetingRuntime = z.infer<typeof runtimeSchema>;
const preparedMeetingSchema = z.object({ kind: z.literal('supervision'), runtime: runtimeSchema });

/** A session's state as far as its meetings go: the current (or last) runtime, and a workshop's agenda. */
const meetingStateSchema = z.object({
  supervision: runtimeSchema.nullish().catch(null),
  workshop: z
    .object({
      activities: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string() })).catch([]),
      /** Frozen runtimes by activity id: a meeting the room has moved past is no longer in `supervision`. */
      prepared: z.record(z.string(), z.unknown()).catch({}),
    })
    .nullish()
    .catch(null),
});

/** One meeting within a session: the session itself, or one kollegaveiledning activity of a workshop. */
interface MeetingSlot {
  /** Null for a standalone meeting: all the session's items are its own. */
  activityId: string | null;
  title: string | null;
  runtime: MeetingRuntime | null;
}

/**
 * The meetings a session holds. A standalone kollegaveiledning is one. A workshop holds one per
 * kollegaveiledning activity that has begun (the runtime in its state) or left items behind,
 * in agenda order (today a workshop runs at most one: see `loadWorkshopRuntime`); each keeps
 * to the items of its own activity, so the workshop's closing-round evaluation is not counted
 * as the meeting's.
 */
function meetingSlots(state: unknown, itemActivities: ReadonlySet<string>): MeetingSlot[] {
  const parsed = meetingStateSchema.safeParse(state);
  const current = parsed.success ? (parsed.data.supervision ?? null) : null;
  const workshop = parsed.success ? (parsed.data.workshop ?? null) : null;
  if (!workshop) return [{ activityId: null, title: null, runtime: current }];
  const frozen = (id: string) => {
    const prepared = preparedMeetingSchema.safeParse(workshop.prepared[id]);
    return prepared.success ? prepared.data.runtime : null;
  };
  const agenda = workshop.activities.filter((a) => a.kind === 'supervision');
  // Should the agenda not name the running meeting's activity, the meeting still shows.
  const running = current?.activityId && !agenda.some((a) => a.id === current.activityId) ? [{ id: current.activityId, title: null }] : [];
  return [...agenda, ...running]
    .filter((a) => a.id === current?.activityId || itemActivities.has(a.id))
    .map((a) => ({ activityId: a.id, title: a.title, runtime: current && a.id === current.activityId ? current : frozen(a.id) }));
}

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

type ArchivedItem = { id: string; kind: string; itemKey: string | null; theme: string | null; text: string; value: number | null; data: unknown; redactedAt: Date | null };
type MeetingSession = { id: string; title: string; createdAt: Date; endedAt: Date | null; groupId: string | null; groupName: string | null };

/** One meeting from its session, its place in the session and the items it left. */
function meetingRecord(session: MeetingSession, slot: MeetingSlot, mine: ArchivedItem[]): SupervisionMeetingRecord {
  const order = slot.runtime?.rounds.map((r) => r.id) ?? [];
  const caseItem = mine.find((i) => i.kind === 'supervision_case');
  const caseData = caseItem ? caseDataSchema.safeParse(caseItem.data) : null;
  const rank = (id: string | null) => (id && order.includes(id) ? order.indexOf(id) : order.length);
  const inWorkshop = slot.activityId !== null;
  return {
    source: 'kollegaveiledning',
    sessionId: session.id,
    activityId: slot.activityId,
    groupId: session.groupId,
    groupName: session.groupName ?? (inWorkshop ? (slot.title ?? slot.runtime?.templateName ?? session.title) : session.title),
    workshopTitle: inWorkshop ? session.title : null,
    templateName: slot.runtime?.templateName ?? (caseData?.success ? (caseData.data.template ?? null) : null),
    startedAt: session.createdAt,
    endedAt: session.endedAt,
    case: caseItem ? { text: caseItem.text, question: caseData?.success ? caseData.data.question : '' } : null,
    roundNotes: mine
      .filter((i) => i.kind === 'round_notes')
      .sort((a, b) => rank(a.itemKey) - rank(b.itemKey))
      .map((i) => ({ roundId: i.itemKey ?? '', roundName: i.theme ?? '', text: i.text })),
    learningPoints: mine.filter((i) => i.kind === 'learning_point').map((i) => (i.redactedAt ? { id: i.id, text: '', redacted: true } : { id: i.id, text: i.text })),
    agreements: mine.flatMap((i) => {
      const parsed = i.kind === 'agreement' ? agreementSchema.safeParse(i.data) : null;
      return parsed?.success ? [{ id: i.id, ...parsed.data }] : [];
    }),
    evaluation: summariseEvaluation(mine.filter((i) => i.kind === 'evaluation' && isQuestion(i.itemKey)).map((i) => ({ question: i.itemKey, value: i.value }))),
  };
}

/**
 * The project's formative feedback, read back per session for the "Tilbakemeldinger" page.
 * Read-only; every verb authorises by project membership. Hidden items stay hidden, and
 * anonymous items carry no author here at all.
 */
export function createFeedbackArchive(db: Db, projects: ProjectService, sessionResults: Pick<SessionResultsService, 'endedSessions'>) {
  /** The project's kollegaveiledning meetings (standalone and in workshops), newest first, with everything they left. */
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
      .where(
        and(
          eq(liveSessions.projectId, projectId),
          // A workshop that reached a kollegaveiledning activity holds its runtime from then on.
          or(eq(liveSessions.kind, 'kollegaveiledning'), sql`jsonb_typeof(${liveSessions.state} -> 'supervision') = 'object'`),
        ),
      )
      .orderBy(desc(liveSessions.createdAt));
    if (sessions.length === 0) return ok([]);
    const items = await db
      .select({
        id: feedbackItems.id,
        sessionId: feedbackItems.sessionId,
        activityId: feedbackItems.activityId,
        kind: feedbackItems.kind,
        itemKey: feedbackItems.itemKey,
        theme: feedbackItems.theme,
        text: feedbackItems.text,
        value: feedbackItems.value,
        data: feedbackItems.data,
        redactedAt: feedbackItems.redactedAt,
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
      sessions.flatMap((session) => {
        const ofSession = items.filter((i) => i.sessionId === session.id);
        const activities = new Set(ofSession.flatMap((i) => (i.activityId ? [i.activityId] : [])));
        return meetingSlots(session.state, activities).map((slot) => {
          const mine = slot.activityId ? ofSession.filter((i) => i.activityId === slot.activityId) : ofSession;
          return meetingRecord(session, slot, mine);
        });
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
      if (sources.includes('utviklingsverksted')) {
        const workshops = await sessionResults.endedSessions(userId, projectId);
        if (!workshops.ok) return workshops;
        entries.push(
          ...workshops.data.map((results): WorkshopSessionRecord => ({
            source: 'utviklingsverksted',
            sessionId: results.sessionId,
            activityId: null,
            startedAt: new Date(results.startedAt),
            endedAt: results.endedAt ? new Date(results.endedAt) : null,
            results,
          })),
        );
      }
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
