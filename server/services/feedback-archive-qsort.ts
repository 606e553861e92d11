import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, qsorts } from '@/db/schema';
import { gridSchema, type Grid } from '@/lib/qsort/grid';
import { FEW_SORTS } from '@/lib/qsort/analysis';
import { analysisOptionsSchema } from '@/lib/qsort/runtime';

/** Below this many finished sorts the archive says the factors are uncertain (as the console does). */
export const FEW_QSORT_SORTS = FEW_SORTS;

const qItemKinds = ['q_factor', 'q_comment'] as const;

/** The analysis a kept factor came from. */
export interface QsortAnalysisUsed {
  factors: number;
  extraction: 'pca' | 'centroid';
  rotation: 'varimax' | 'none';
  /** How many sorts the analysis was run on; later sorts may have come in after it. */
  sortCount: number | null;
}

/** A factor as the facilitator named and kept it. */
export interface QsortFactorRecord {
  number: number;
  /** How the console named it when it was not its number: '1a', '1b' for the poles of a split factor. */
  label?: string;
  /** Empty when the facilitator kept the factor without a name. */
  name: string;
  description: string;
  definingSorts: number;
  /** The factor array by statement id, or null when no sort defined the factor. */
  array: Record<string, number> | null;
  distinguishing: { id: string; value: number; z: number }[];
}

/** A participant's comment on a statement, or on what the set is missing (`statement` null). */
export interface QsortCommentRecord {
  id: string;
  statement: { id: string; text: string } | null;
  text: string;
  /** The pseudonym the participant chose; null for an anonymous sort. */
  pseudonym: string | null;
  /** A facilitator took the text out; a marker is shown in its place. */
  redacted?: boolean;
}

/** One Q-sort study (standalone or inside a workshop) as the project keeps it. */
export interface QsortStudyRecord {
  source: 'qsort';
  sessionId: string;
  /** The workshop activity it ran as; null for a standalone Q-sort session. A workshop may run several. */
  activityId: string | null;
  setName: string;
  /** The workshop's title when the Q-sort ran as one of its activities. */
  workshopTitle: string | null;
  startedAt: Date;
  /** Null while the session is still open. */
  endedAt: Date | null;
  /** Finished (submitted) sorts. */
  sortCount: number;
  /** The grid the statements were sorted into; null if the session no longer holds it. */
  grid: Grid | null;
  /** The statements by id, in display order (for the factor arrays' titles and lists). */
  statements: { id: string; text: string }[];
  analysis: QsortAnalysisUsed | null;
  /** In factor order. */
  factors: QsortFactorRecord[];
  /** In the set's statement order, "what is missing" last. */
  comments: QsortCommentRecord[];
}

/** Only what the archive needs of a Q-sort's state; the rest is ignored. */
const qsortStateSchema = z.object({
  activityId: z.string().optional(),
  setName: z.string(),
  grid: gridSchema,
  statements: z.array(z.object({ id: z.string(), text: z.string() })),
  display: analysisOptionsSchema.nullish(),
});
type QsortState = z.infer<typeof qsortStateSchema>;
/** The live Q-sort, and the workshop's other Q-sort activities parked in `prepared`. */
const sessionStateSchema = z.object({
  qsort: qsortStateSchema.nullish(),
  workshop: z.object({ prepared: z.record(z.string(), z.object({ kind: z.string(), runtime: z.unknown() })).default({}) }).nullish(),
});

/** Every Q-sort a session ran: its live one first, then the workshop's others that left sorts or feedback. */
function qsortsOf(state: unknown, used: (activityId: string) => boolean): (QsortState | null)[] {
  const parsed = sessionStateSchema.safeParse(state);
  if (!parsed.success) return [null];
  const live = parsed.data.qsort ?? null;
  const parked = Object.entries(parsed.data.workshop?.prepared ?? {}).flatMap(([activityId, p]) => {
    if (p.kind !== 'qsort' || activityId === live?.activityId || !used(activityId)) return [];
    const runtime = qsortStateSchema.safeParse(p.runtime);
    return runtime.success ? [{ ...runtime.data, activityId }] : [];
  });
  return [live, ...parked];
}

const factorDataSchema = z.object({
  number: z.number().int(),
  label: z.string().max(8).optional(),
  array: z.record(z.string(), z.number()).nullable().default(null),
  distinguishing: z.array(z.object({ id: z.string(), value: z.number(), z: z.number() })).default([]),
  options: analysisOptionsSchema.pick({ factors: true, extraction: true, rotation: true }).optional(),
  sortCount: z.number().int().optional(),
  setName: z.string().optional(),
});

const commentDataSchema = z.object({ statement: z.string().nullable().default(null), statementText: z.string().optional() });

/**
 * The project's Q-sort studies, newest first: every session of the project that ran a Q-sort
 * (its state holds one) or left Q feedback behind. The caller authorises.
 */
export async function qsortStudies(db: Db, projectId: string): Promise<QsortStudyRecord[]> {
  const withQItems = db
    .selectDistinct({ id: feedbackItems.sessionId })
    .from(feedbackItems)
    .where(and(eq(feedbackItems.projectId, projectId), inArray(feedbackItems.kind, qItemKinds), isNotNull(feedbackItems.sessionId), isNull(feedbackItems.hiddenAt)));
  const sessions = await db
    .select({ id: liveSessions.id, kind: liveSessions.kind, title: liveSessions.title, state: liveSessions.state, createdAt: liveSessions.createdAt, endedAt: liveSessions.endedAt })
    .from(liveSessions)
    .where(
      and(
        eq(liveSessions.projectId, projectId),
        or(eq(liveSessions.kind, 'qsort'), sql`jsonb_typeof(${liveSessions.state} -> 'qsort') = 'object'`, inArray(liveSessions.id, withQItems)),
      ),
    )
    .orderBy(desc(liveSessions.createdAt));
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const [items, counts] = await Promise.all([
    db
      .select({ id: feedbackItems.id, sessionId: feedbackItems.sessionId, activityId: feedbackItems.activityId, kind: feedbackItems.kind, theme: feedbackItems.theme, text: feedbackItems.text, value: feedbackItems.value, authorKind: feedbackItems.authorKind, authorName: feedbackItems.authorName, data: feedbackItems.data, redactedAt: feedbackItems.redactedAt })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.projectId, projectId), inArray(feedbackItems.sessionId, ids), inArray(feedbackItems.kind, qItemKinds), isNull(feedbackItems.hiddenAt)))
      .orderBy(asc(feedbackItems.createdAt), asc(feedbackItems.id)),
    db
      .select({ sessionId: qsorts.sessionId, activityId: qsorts.activityId, done: count() })
      .from(qsorts)
      .where(and(inArray(qsorts.sessionId, ids), eq(qsorts.status, 'done')))
      .groupBy(qsorts.sessionId, qsorts.activityId),
  ]);

  return sessions.flatMap((session) => {
    const ofSession = items.filter((i) => i.sessionId === session.id);
    const used = (activityId: string) => ofSession.some((i) => i.activityId === activityId) || counts.some((c) => c.sessionId === session.id && c.activityId === activityId);
    return qsortsOf(session.state, used).map((runtime) => study(session, runtime, ofSession, counts));
  });
}

/** One Q-sort of a session as the archive shows it: its own items and sorts only when the workshop ran several. */
function study(
  session: { id: string; kind: string; title: string; createdAt: Date; endedAt: Date | null },
  runtime: QsortState | null,
  ofSession: { activityId: string | null; kind: string; data: Record<string, unknown>; id: string; theme: string | null; text: string; value: number | null; authorKind: string; authorName: string | null; redactedAt: Date | null }[],
  counts: { sessionId: string; activityId: string; done: number }[],
): QsortStudyRecord {
  const activityId = runtime?.activityId ?? null;
  const mine = activityId ? ofSession.filter((i) => i.activityId === activityId) : ofSession;
  const factorRows = mine.flatMap((i) => {
    const data = i.kind === 'q_factor' ? factorDataSchema.safeParse(i.data) : null;
    return data?.success ? [{ item: i, data: data.data }] : [];
  });
  factorRows.sort((a, b) => a.data.number - b.data.number);
  const statements = runtime?.statements ?? [];
  const kept = factorRows.find((f) => f.data.options)?.data;
  const display = runtime?.display;
  const used = kept?.options ?? (display ? { factors: display.factors, extraction: display.extraction, rotation: display.rotation } : null);
  return {
    source: 'qsort' as const,
    sessionId: session.id,
    setName: runtime?.setName ?? factorRows.find((f) => f.data.setName)?.data.setName ?? session.title,
    workshopTitle: session.kind === 'workshop' ? session.title : null,
    startedAt: session.createdAt,
    endedAt: session.endedAt,
    activityId,
    sortCount: counts.filter((c) => c.sessionId === session.id && (activityId === null || c.activityId === activityId)).reduce((n, c) => n + c.done, 0),
    grid: runtime?.grid ?? null,
    statements,
    analysis: used ? { ...used, sortCount: kept?.sortCount ?? null } : null,
    factors: factorRows.map(({ item, data }) => ({
      number: data.number,
      ...(data.label && data.label !== String(data.number) ? { label: data.label } : {}),
      name: item.theme ?? '',
      description: item.text,
      definingSorts: item.value ?? 0,
      array: data.array,
      distinguishing: data.distinguishing,
    })),
    comments: orderComments(
      mine.flatMap((i) => {
        const data = i.kind === 'q_comment' ? commentDataSchema.safeParse(i.data) : null;
        if (!data?.success) return [];
        const { statement, statementText } = data.data;
        const text = statement === null ? null : (statementText ?? statements.find((s) => s.id === statement)?.text ?? '');
        const comment = { id: i.id, statement: statement === null ? null : { id: statement, text: text ?? '' }, text: i.text, pseudonym: i.authorKind === 'pseudonym' ? i.authorName || null : null };
        return [i.redactedAt ? { ...comment, text: '', pseudonym: null, redacted: true } : comment];
      }),
      statements.map((s) => s.id),
    ),
  };
}

/** Comments by statement in the set's order (unknown ids by number after), "missing" last; stable within one. */
function orderComments(comments: QsortCommentRecord[], order: string[]): QsortCommentRecord[] {
  const rank = (c: QsortCommentRecord) => {
    if (!c.statement) return [2, 0] as const;
    const at = order.indexOf(c.statement.id);
    return at >= 0 ? ([0, at] as const) : ([1, Number(c.statement.id) || 0] as const);
  };
  return comments
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map(({ c }) => c);
}
