import { and, asc, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, supervisionGroups, workshops, type LiveSessionRow, type NewFeedbackItem } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import { personalDataKinds } from '@/lib/privacy-guard';
import { roundNotesDocName } from '@/lib/protocol';
import { isLeader, outcomeOpen, type SupervisionActor, type SupervisionRuntime } from '@/lib/supervision/engine';
import type { z } from 'zod';
import { agreementSchema, outcomeTexts, type outcomeInputSchema, type SupervisionOutcome } from '@/lib/supervision/outcome';

/** What a learning point, agreement or evaluation carries, validated at the socket's edge. */
type OutcomeInput = z.infer<typeof outcomeInputSchema>;
import { nestedIsCurrent } from '@/lib/workshop/nested';
import type { YjsPersistence } from '../realtime/yjs-persistence';
import { createKeyedQueue } from './keyed-queue';
import { lockRowSet } from './replace-lock';

interface MeetingContext {
  session: LiveSessionRow;
  runtime: SupervisionRuntime;
  phaseId: string | null;
  /** False while a workshop holding this meeting is at another step. */
  current: boolean;
}

/**
 * What a kollegaveiledning leaves in the project: learning points, SMARTE agreements and the
 * process evaluation are stored as feedback items when they are given (the ack follows the
 * commit); the anonymised case and each round's notes are archived when the meeting moves on
 * and when it ends.
 */
export function createSupervisionOutcome(db: Db, persistence: YjsPersistence) {
  // Writes that replace what a meeting left (an evaluation, the archive) run one at a time
  // per session, so two at once never both insert.
  const serially = createKeyedQueue();
  async function meeting(sessionId: string): Promise<Result<MeetingContext>> {
    const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
    const state = session ? readLiveState(session.state) : null;
    const runtime = state?.supervision ?? null;
    if (!session || !runtime) return fail('NOT_FOUND', 'no such kollegaveiledning');
    // Run inside a workshop, the meeting belongs to the workshop's phase.
    const [owner] = session.supervisionGroupId
      ? await db.select({ phaseId: supervisionGroups.phaseId }).from(supervisionGroups).where(eq(supervisionGroups.id, session.supervisionGroupId))
      : session.workshopId
        ? await db.select({ phaseId: workshops.phaseId }).from(workshops).where(eq(workshops.id, session.workshopId))
        : [];
    return ok({ session, runtime, phaseId: owner?.phaseId ?? null, current: nestedIsCurrent(state?.workshop ?? null, runtime) });
  }

  const base = (ctx: MeetingContext) => ({ projectId: ctx.session.projectId, phaseId: ctx.phaseId, sessionId: ctx.session.id, workshopId: ctx.session.workshopId, activityId: ctx.runtime.activityId ?? null });
  /** Inside a workshop its closing round has evaluations too: keep to this meeting's own. */
  const ownItems = (ctx: MeetingContext) => (ctx.runtime.activityId ? eq(feedbackItems.activityId, ctx.runtime.activityId) : undefined);

  return {
    /** Adds a learning point or agreement, removes one, or records a member's evaluation. */
    save(sessionId: string, actor: SupervisionActor, input: OutcomeInput): Promise<Result<null>> {
      return serially(sessionId, () => saveNow(sessionId, actor, input));
    },

    /** Learning points and agreements so far, and how many have evaluated. */
    outcome,

    /** Copies the case and each round's notes into feedback items; idempotent. */
    archive(session: LiveSessionRow): Promise<number> {
      return serially(session.id, () => archiveNow(session));
    },
  };

  async function saveNow(sessionId: string, actor: SupervisionActor, input: OutcomeInput): Promise<Result<null>> {
    const found = await meeting(sessionId);
    if (!found.ok) return found;
    const ctx = found.data;
    if (ctx.session.status === 'ended') return fail('SESSION_ENDED', 'meeting ended');
    const participantId = actor.kind === 'participant' ? actor.participantId : null;
    if (participantId && !ctx.runtime.members.some((m) => m.id === participantId)) return fail('NOT_JOINED', 'not a member of this group');
    if (!ctx.current || !outcomeOpen(ctx.runtime)) return fail('CONFLICT', 'the summary round has not begun');
    const command = input;
    const leaking = outcomeTexts(command).filter(([, text]) => personalDataKinds(text).length > 0);
    if (leaking.length > 0) return fail('PERSONAL_DATA', 'personal data in the outcome', Object.fromEntries(leaking.map(([field]) => [field, 'PERSONAL_DATA'])));
    const author = { authorKind: participantId ? ('group' as const) : ('facilitator' as const), participantId };

    switch (command.type) {
      case 'learningPoint':
        await db.insert(feedbackItems).values({ ...base(ctx), ...author, kind: 'learning_point', text: command.text });
        return ok(null);
      case 'agreement':
        await db.insert(feedbackItems).values({ ...base(ctx), ...author, kind: 'agreement', text: command.agreement.specific, data: command.agreement });
        return ok(null);
      case 'remove': {
        // Anyone who wrote an item may take it back; leaders may tidy up any of them.
        const mayTidy = isLeader(ctx.runtime, actor);
        const scope = and(eq(feedbackItems.id, command.itemId), eq(feedbackItems.sessionId, sessionId), inArray(feedbackItems.kind, ['learning_point', 'agreement']));
        const own = participantId ? eq(feedbackItems.participantId, participantId) : undefined;
        const removed = await db.delete(feedbackItems).where(mayTidy ? scope : and(scope, own)).returning({ id: feedbackItems.id });
        return removed.length > 0 ? ok(null) : fail('NOT_FOUND', 'no such item of yours');
      }
      case 'evaluate': {
        if (!participantId) return fail('FORBIDDEN', 'members evaluate');
        // Answers are anonymous: the participant id is kept only so answering again replaces them.
        await db.transaction(async (tx) => {
          await lockRowSet(tx, `supervision-evaluation:${sessionId}:${participantId}`);
          await tx.delete(feedbackItems).where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.participantId, participantId), eq(feedbackItems.kind, 'evaluation'), ownItems(ctx)));
          const rows: NewFeedbackItem[] = Object.entries(command.answers).map(([question, value]) => ({
            ...base(ctx),
            kind: 'evaluation',
            authorKind: 'anonymous',
            participantId,
            itemKey: question,
            value,
            data: { source: 'kollegaveiledning' },
          }));
          if (rows.length > 0) await tx.insert(feedbackItems).values(rows);
        });
        return ok(null);
      }
    }
  }

  /** Learning points and agreements so far, and how many have evaluated. */
  async function outcome(sessionId: string): Promise<SupervisionOutcome> {
    const found = await meeting(sessionId);
    const own = found.ok ? ownItems(found.data) : undefined;
    const rows = await db
      .select({ id: feedbackItems.id, kind: feedbackItems.kind, text: feedbackItems.text, data: feedbackItems.data, participantId: feedbackItems.participantId, redactedAt: feedbackItems.redactedAt })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.sessionId, sessionId), inArray(feedbackItems.kind, ['learning_point', 'agreement', 'evaluation']), own))
      .orderBy(asc(feedbackItems.createdAt));
    return {
      learningPoints: rows.filter((r) => r.kind === 'learning_point').map((r) => (r.redactedAt ? { id: r.id, text: '', redacted: true } : { id: r.id, text: r.text })),
      agreements: rows.flatMap((r) => {
        const parsed = r.kind === 'agreement' ? agreementSchema.safeParse(r.data) : null;
        return parsed?.success ? [{ id: r.id, ...parsed.data }] : [];
      }),
      evaluations: new Set(rows.filter((r) => r.kind === 'evaluation').map((r) => r.participantId)).size,
    };
  }

  /**
   * Archives every kollegaveiledning of the session: the live one and, in a workshop with
   * several, those parked in `workshop.prepared` (each under its own activity id, so one never
   * replaces another's case or notes).
   */
  async function archiveNow(session: LiveSessionRow): Promise<number> {
    const found = await meeting(session.id);
    if (!found.ok) return 0;
    const live = found.data;
    const parked = Object.values(readLiveState(session.state).workshop?.prepared ?? {}).flatMap((p) =>
      p.kind === 'supervision' && p.runtime.activityId !== live.runtime.activityId ? [p.runtime] : [],
    );
    const meetings = [live, ...parked.map((runtime) => ({ ...live, runtime }))];
    const kept = await Promise.all(meetings.map((ctx) => meetingItems(session, ctx)));
    await db.transaction(async (tx) => {
      await lockRowSet(tx, `supervision-archive:${session.id}`);
      for (const [i, ctx] of meetings.entries()) {
        await tx.delete(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), inArray(feedbackItems.kind, ['supervision_case', 'round_notes']), ownItems(ctx)));
        if (kept[i]!.length > 0) await tx.insert(feedbackItems).values(kept[i]!);
      }
    });
    return kept.reduce((n, items) => n + items.length, 0);
  }

  /** One meeting's case and round notes as feedback items. */
  async function meetingItems(session: LiveSessionRow, ctx: MeetingContext): Promise<NewFeedbackItem[]> {
    const items: NewFeedbackItem[] = [];
    if (ctx.runtime.case) {
      items.push({ ...base(ctx), kind: 'supervision_case', authorKind: 'anonymous', itemKey: 'case', text: ctx.runtime.case.framlegg, data: { question: ctx.runtime.case.question, template: ctx.runtime.templateName } });
    }
    for (const round of ctx.runtime.rounds) {
      const loaded = await persistence.fetch(roundNotesDocName(session.id, round.id));
      if (!loaded.state) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, loaded.state);
      const text = doc.getText('notes').toString().trim();
      doc.destroy();
      // Notes typed past the form's check are never archived with personal data in them.
      if (!text || personalDataKinds(text).length > 0) continue;
      items.push({ ...base(ctx), kind: 'round_notes', authorKind: 'group', itemKey: round.id, theme: round.name, text });
    }
    return items;
  }
}
export type SupervisionOutcomeService = ReturnType<typeof createSupervisionOutcome>;
