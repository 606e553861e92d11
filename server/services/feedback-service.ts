import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, participants, workshops, type NewFeedbackItem } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import type { ActivityKindName, AgendaActivity } from '@/lib/activities/registry';
import type { MyAnswers } from '@/lib/workshop/answers';
import { currentActivity } from '@/lib/workshop/runtime';
import type { AnswerContext, AnswerItem, AnswerStore } from '../activities/contract';
import { serverModuleOf } from '../activities/registry';
import { clientEvents } from '@/lib/protocol';
import type { TextDigest } from '../security/redacted-digest';

export type { AnswerContext } from '../activities/contract';

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
  async function contextFor<K extends ActivityKindName>(sessionId: string, participantId: string, kind: K): Promise<Result<AnswerContext<K>>> {
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
      activity: activity as Extract<AgendaActivity, { kind: K }>,
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
    // An empty text adds nothing: a redacted row keeps its marker (the writer's emptied form sent again).
    const keep = text === '' ? sql`(${wasRedacted(digest(text))} or ${feedbackItems.redactedAt} is not null)` : wasRedacted(digest(text));
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

  async function upsert<K extends ActivityKindName>(ctx: AnswerContext<K>, participantId: string, item: AnswerItem, executor: Db = db) {
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

  const own = <K extends ActivityKindName>(ctx: AnswerContext<K>, participantId: string) =>
    and(eq(feedbackItems.sessionId, ctx.session.id), eq(feedbackItems.activityId, ctx.activity.id), eq(feedbackItems.participantId, participantId));

  const store: AnswerStore = {
    context: contextFor,
    upsert: (ctx, participantId, item) => upsert(ctx, participantId, item),
    async upsertAll(ctx, participantId, items) {
      // Queries inside must use `tx`: PGlite has one connection, and a query on `db` would wait
      // for this very transaction forever.
      await db.transaction(async (tx) => {
        for (const item of items) await upsert(ctx, participantId, item, tx as unknown as Db);
      });
    },
    async remove(ctx, participantId, kind, itemKey) {
      await db.delete(feedbackItems).where(and(own(ctx, participantId), eq(feedbackItems.kind, kind as NewFeedbackItem['kind']), eq(feedbackItems.itemKey, itemKey)));
    },
  };

  /** Stores a client event's payload through the kind that owns the event (server/activities/<kind>/). */
  const answer =
    (kind: ActivityKindName, event: string) =>
    (sessionId: string, participantId: string, input: unknown): Promise<Result<null>> => {
      const handler = serverModuleOf(kind).answers[event];
      if (!handler) throw new Error(`no answer handler for ${event} in ${kind}`);
      return handler(store, sessionId, participantId, input);
    };

  return {
    /** The handler of one kind's answer event (its server module's `answers[event]`), for the transport to register. */
    answer,
    respond: answer('findings', clientEvents.respond),
    withdraw: answer('findings', clientEvents.withdraw),

    /** The participant's own answers in the current activity, to restore a reloaded phone. */
    async mine(sessionId: string, participantId: string): Promise<MyAnswers> {
      const rows = await db
        .select()
        .from(feedbackItems)
        .where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.participantId, participantId)));
      const answers: MyAnswers = { responses: {}, word: null, votes: {}, evaluation: null, byActivity: {} };
      for (const row of rows) {
        if (row.activityId) {
          // The digests of redacted texts stay on the server; the rest is the participant's own.
          const data = Object.fromEntries(Object.entries(row.data).filter(([key]) => key !== 'redactedDigests'));
          (answers.byActivity[row.activityId] ??= []).push({ kind: row.kind, itemKey: row.itemKey, text: row.text, value: row.value, data, redacted: row.redactedAt !== null });
        }
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
