import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, participants, workshops, type LiveSessionRow, type NewFeedbackItem } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import type { AgendaActivity } from '@/lib/workshop/agenda';
import type { evaluateSchema, respondSchema, votesSchema, withdrawSchema, wordSchema, MyAnswers } from '@/lib/workshop/answers';
import { normalizeWord } from '@/lib/workshop/results';
import { currentActivity, type WorkshopRuntime } from '@/lib/workshop/runtime';
import type { TextDigest } from '../security/redacted-digest';

export interface AnswerContext {
  session: LiveSessionRow;
  runtime: WorkshopRuntime;
  activity: AgendaActivity;
  phaseId: string | null;
  author: { kind: 'named' | 'anonymous'; name: string | null };
}

/**
 * Whether the row already holds `digest` among the digests of its redacted texts
 * (`data.redactedDigests`, written by the redaction service).
 */
const wasRedacted = (digest: string | null): SQL =>
  digest ? sql`coalesce(${feedbackItems.data} -> 'redactedDigests', '[]'::jsonb) @> ${JSON.stringify([digest])}::jsonb` : sql`false`;

/**
 * Participants' answers in a running workshop, stored as formative feedback the moment they
 * arrive (the ack follows the commit). One answer per participant and question: answering
 * again replaces it, so people can change their mind during the session. `digest` recognises
 * a text a facilitator redacted (server/security/redacted-digest.ts).
 */
export function createFeedbackService(db: Db, digest: TextDigest) {
  /** The session's current activity, if it is of the wanted kind and open for input. */
  async function contextFor(sessionId: string, participantId: string, kind: AgendaActivity['kind']): Promise<Result<AnswerContext>> {
    const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
    if (!session) return fail('NOT_FOUND', 'no such session');
    if (session.status === 'ended') return fail('SESSION_ENDED', 'session ended');
    const runtime = readLiveState(session.state).workshop;
    const activity = runtime ? currentActivity(runtime) : null;
    if (!runtime || activity?.kind !== kind) return fail('CONFLICT', 'that activity is not running now');
    if (runtime.locked) return fail('LOCKED', 'input is locked');
    const [person] = await db.select().from(participants).where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId)));
    if (!person) return fail('NOT_JOINED', 'not a participant of this session');
    const [workshop] = session.workshopId ? await db.select({ phaseId: workshops.phaseId }).from(workshops).where(eq(workshops.id, session.workshopId)) : [];
    // Names are kept only where the workshop allows them; otherwise the item is anonymous.
    const named = runtime.allowNames && person.displayName;
    return ok({
      session,
      runtime,
      activity,
      phaseId: workshop?.phaseId ?? null,
      author: named ? { kind: 'named', name: person.displayName } : { kind: 'anonymous', name: null },
    });
  }

  /**
   * The columns an answer replaces. A text that was redacted on this row stays redacted when
   * sent again (a phone's form still holding it, or a modified client): the rest of the answer
   * is taken, the text is not. A different text is a new contribution and is shown. Decided
   * in the statement itself, so a redaction landing meanwhile cannot be undone by a race.
   */
  function answeredAgain(values: NewFeedbackItem) {
    const text = values.text ?? '';
    const keep = wasRedacted(digest(text));
    return {
      response: values.response ?? null,
      text: sql`case when ${keep} then '' else ${text} end`,
      value: values.value ?? null,
      // The digests outlive a new text, so the old one cannot come back later either.
      data: sql`${JSON.stringify(values.data ?? {})}::jsonb || jsonb_strip_nulls(jsonb_build_object('redactedDigests', ${feedbackItems.data} -> 'redactedDigests'))`,
      updatedAt: new Date(),
      authorKind: values.authorKind,
      authorName: sql`case when ${keep} then null else ${values.authorName ?? null} end`,
      redactedAt: sql`case when ${keep} then coalesce(${feedbackItems.redactedAt}, now()) else null end`,
    };
  }

  async function upsert(ctx: AnswerContext, participantId: string, item: Pick<NewFeedbackItem, 'kind' | 'itemKey'> & Partial<NewFeedbackItem>, executor: Db = db) {
    const values: NewFeedbackItem = {
      projectId: ctx.session.projectId,
      phaseId: ctx.phaseId,
      workshopId: ctx.session.workshopId,
      sessionId: ctx.session.id,
      activityId: ctx.activity.id,
      authorKind: ctx.author.kind,
      authorName: ctx.author.name,
      participantId,
      ...item,
    };
    await executor
      .insert(feedbackItems)
      .values(values)
      .onConflictDoUpdate({
        target: [feedbackItems.activityId, feedbackItems.participantId, feedbackItems.kind, feedbackItems.itemKey],
        targetWhere: sql`${feedbackItems.participantId} is not null`,
        set: answeredAgain(values),
      });
  }

  const own = (ctx: AnswerContext, participantId: string) =>
    and(eq(feedbackItems.sessionId, ctx.session.id), eq(feedbackItems.activityId, ctx.activity.id), eq(feedbackItems.participantId, participantId));

  return {
    // Inputs come validated by their socket event's schema (lib/socket-events.ts).
    async respond(sessionId: string, participantId: string, input: z.infer<typeof respondSchema>): Promise<Result<null>> {
      const ctx = await contextFor(sessionId, participantId, 'findings');
      if (!ctx.ok) return ctx;
      const activity = ctx.data.activity;
      if (activity.kind !== 'findings' || !activity.config.findingIds.includes(input.findingId)) return fail('BAD_REQUEST', 'finding not in this round');
      await upsert(ctx.data, participantId, {
        kind: 'finding_response',
        itemKey: input.findingId,
        findingId: input.findingId,
        response: input.response,
        text: input.comment,
      });
      return ok(null);
    },

    async withdraw(sessionId: string, participantId: string, input: z.infer<typeof withdrawSchema>): Promise<Result<null>> {
      const ctx = await contextFor(sessionId, participantId, 'findings');
      if (!ctx.ok) return ctx;
      await db.delete(feedbackItems).where(and(own(ctx.data, participantId), eq(feedbackItems.kind, 'finding_response'), eq(feedbackItems.itemKey, input.findingId)));
      return ok(null);
    },

    async word(sessionId: string, participantId: string, input: z.infer<typeof wordSchema>): Promise<Result<null>> {
      const ctx = await contextFor(sessionId, participantId, 'plenary');
      if (!ctx.ok) return ctx;
      if (ctx.data.activity.kind !== 'plenary' || !ctx.data.activity.config.wordCloudQuestion) return fail('CONFLICT', 'no word cloud in this plenary');
      await upsert(ctx.data, participantId, { kind: 'word', itemKey: 'word', text: normalizeWord(input.word) });
      return ok(null);
    },

    async votes(sessionId: string, participantId: string, input: z.infer<typeof votesSchema>): Promise<Result<null>> {
      const ctx = await contextFor(sessionId, participantId, 'plenary');
      if (!ctx.ok) return ctx;
      const { activity, runtime } = ctx.data;
      const used = Object.values(input.votes).reduce((a, b) => a + b, 0);
      const known = new Set(runtime.clusters.map((c) => c.id));
      if (activity.kind !== 'plenary' || used > activity.config.dotVotes || Object.keys(input.votes).some((k) => !known.has(k))) {
        return fail('BAD_REQUEST', 'too many dots or unknown clusters');
      }
      await upsert(ctx.data, participantId, { kind: 'vote_count', itemKey: 'ballot', value: used, data: { votes: input.votes } });
      return ok(null);
    },

    async evaluate(sessionId: string, participantId: string, input: z.infer<typeof evaluateSchema>): Promise<Result<null>> {
      const ctx = await contextFor(sessionId, participantId, 'closing');
      if (!ctx.ok) return ctx;
      const activity = ctx.data.activity;
      if (activity.kind !== 'closing') return fail('CONFLICT', 'not a closing round');
      const questionIds = new Set(activity.config.questions.map((q) => q.id));
      if (Object.keys(input.answers).some((id) => !questionIds.has(id))) return fail('BAD_REQUEST', 'unknown question');
      // All answers of one submission land together. Queries inside must use `tx`: PGlite has
      // one connection, and a query on `db` would wait for this very transaction forever.
      await db.transaction(async (tx) => {
        for (const [id, value] of Object.entries(input.answers)) {
          const question = activity.config.questions.find((q) => q.id === id);
          await upsert(ctx.data, participantId, { kind: 'evaluation', itemKey: id, value, text: question?.text ?? '' }, tx as unknown as Db);
        }
        if (input.text) await upsert(ctx.data, participantId, { kind: 'evaluation_text', itemKey: 'free', text: input.text }, tx as unknown as Db);
      });
      return ok(null);
    },

    /** The participant's own answers in the current activity, to restore a reloaded phone. */
    async mine(sessionId: string, participantId: string): Promise<MyAnswers> {
      const rows = await db
        .select()
        .from(feedbackItems)
        .where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.participantId, participantId)));
      const answers: MyAnswers = { responses: {}, word: null, votes: {}, evaluation: null };
      for (const row of rows) {
        if (row.kind === 'finding_response' && row.findingId && row.response) answers.responses[row.findingId] = { response: row.response, comment: row.text };
        if (row.kind === 'word') answers.word = row.text;
        if (row.kind === 'vote_count') answers.votes = (row.data.votes as Record<string, number>) ?? {};
        if (row.kind === 'evaluation' && row.itemKey && row.value !== null) {
          answers.evaluation ??= { answers: {}, text: '' };
          answers.evaluation.answers[row.itemKey] = row.value;
        }
        if (row.kind === 'evaluation_text') {
          answers.evaluation ??= { answers: {}, text: '' };
          answers.evaluation.text = row.text;
        }
      }
      return answers;
    },
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
