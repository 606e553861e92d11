import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, participants, qsorts, type FeedbackKind } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { participantWithNumber } from '@/lib/participant-number';
import type { AuditService } from './audit-service';

/** Who asked for a removal, for the audit log (never what was removed). */
export type RedactionActor = { kind: 'user'; userId: string } | { kind: 'participant'; participantId: string };

/** A redacted item, so the caller can take it out of where else it lives (a Yjs board). */
export interface RedactedItem {
  id: string;
  kind: FeedbackKind;
  sessionId: string | null;
  activityId: string | null;
  itemKey: string | null;
  groupName: string | null;
}

/** What erasing one participant's contributions removed, counted per table. */
export interface Erased {
  feedbackItems: number;
  qsorts: number;
}

const auditActor = (actor: RedactionActor) =>
  actor.kind === 'user' ? { actorKind: 'user' as const, actorId: actor.userId } : { actorKind: 'participant' as const, actorId: actor.participantId };

/** The emptied columns of a redacted item; `data` too, since agreements and clusters keep text there. */
const redactedValues = () => ({ text: '', data: {}, authorName: null, redactedAt: new Date(), updatedAt: new Date() });

/**
 * Taking contributions back: a facilitator redacts one item (its text is emptied and a marker
 * shown everywhere instead), erases one participant's contributions in a session, or a
 * participant withdraws their own. The database side only; Yjs documents are the realtime
 * layer's (server/realtime/moderation.ts). Every removal is audit-logged by id and kind.
 */
export function createRedactionService(db: Db, audit: AuditService) {
  return {
    /** Redacts one feedback item of the project; idempotent. */
    async redactItem(projectId: string, itemId: string, actor: RedactionActor): Promise<Result<RedactedItem>> {
      const [row] = await db
        .update(feedbackItems)
        .set(redactedValues())
        .where(and(eq(feedbackItems.id, itemId), eq(feedbackItems.projectId, projectId)))
        .returning({
          id: feedbackItems.id,
          kind: feedbackItems.kind,
          sessionId: feedbackItems.sessionId,
          activityId: feedbackItems.activityId,
          itemKey: feedbackItems.itemKey,
          groupName: feedbackItems.groupName,
        });
      if (!row) return fail('NOT_FOUND', 'no such item in this project');
      await audit.record({ ...auditActor(actor), action: 'feedback.redact', projectId, target: row.id, details: { kind: row.kind, sessionId: row.sessionId } });
      return ok(row);
    },

    /** Redacts every occurrence of one word in a word cloud (a cloud shows words, not items). */
    async redactWord(projectId: string, sessionId: string, activityId: string, word: string, actor: RedactionActor): Promise<Result<{ count: number }>> {
      const rows = await db
        .update(feedbackItems)
        .set(redactedValues())
        .where(
          and(
            eq(feedbackItems.projectId, projectId),
            eq(feedbackItems.sessionId, sessionId),
            eq(feedbackItems.activityId, activityId),
            eq(feedbackItems.kind, 'word'),
            eq(feedbackItems.text, word),
          ),
        )
        .returning({ id: feedbackItems.id });
      if (rows.length === 0) return fail('NOT_FOUND', 'no such word');
      await audit.record({ ...auditActor(actor), action: 'feedback.redact', projectId, target: activityId, details: { kind: 'word', sessionId, items: rows.map((r) => r.id) } });
      return ok({ count: rows.length });
    },

    /**
     * Records that text was taken out of a Yjs document (`docName`): a board note (`noteId`,
     * whose archive row is redacted too) or a passage of shared notes (`noteId` null).
     */
    async contentRedacted(projectId: string, sessionId: string, docName: string, noteId: string | null, actor: RedactionActor): Promise<void> {
      if (noteId) {
        await db
          .update(feedbackItems)
          .set(redactedValues())
          .where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.kind, 'note'), eq(feedbackItems.itemKey, noteId)));
      }
      await audit.record({ ...auditActor(actor), action: noteId ? 'note.redact' : 'notes.redact_passage', projectId, target: noteId ?? docName, details: { sessionId, docName } });
    },

    /** The participant with anonymous number `n` in a session ("Deltaker N"). */
    async participantNumbered(sessionId: string, n: number): Promise<string | null> {
      const rows = await db.select({ id: participants.id, joinedAt: participants.joinedAt }).from(participants).where(eq(participants.sessionId, sessionId));
      return participantWithNumber(rows, n);
    },

    /**
     * Deletes everything one participant wrote or answered in a session: their feedback items
     * (answers, words, votes, evaluations, learning points, agreements), their Q-sort and its
     * comments, and archive rows of their board notes (`noteIds`, found in the boards). With
     * `forgetProfile` their display name and join answers go too (a facilitator's erasure; a
     * participant who withdraws keeps taking part).
     */
    async erase(
      projectId: string,
      sessionId: string,
      participantId: string,
      options: { noteIds: string[]; forgetProfile: boolean; actor: RedactionActor; number: number | null },
    ): Promise<Erased> {
      const erased = await db.transaction(async (tx) => {
        const sorts = await tx.delete(qsorts).where(and(eq(qsorts.sessionId, sessionId), eq(qsorts.participantId, participantId))).returning({ id: qsorts.id });
        const sortIds = sorts.map((s) => s.id);
        const items = await tx
          .delete(feedbackItems)
          .where(
            and(
              eq(feedbackItems.sessionId, sessionId),
              or(
                eq(feedbackItems.participantId, participantId),
                and(eq(feedbackItems.kind, 'q_comment'), inArray(feedbackItems.itemKey, sortIds)),
                and(eq(feedbackItems.kind, 'note'), inArray(feedbackItems.itemKey, options.noteIds)),
              ),
            ),
          )
          .returning({ id: feedbackItems.id });
        if (options.forgetProfile) {
          await tx.update(participants).set({ displayName: null, attributes: {} }).where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId)));
        }
        return { feedbackItems: items.length, qsorts: sorts.length };
      });
      await audit.record({
        ...auditActor(options.actor),
        action: options.actor.kind === 'participant' ? 'participant.withdraw_all' : 'participant.erase',
        projectId,
        target: sessionId,
        details: { number: options.number, ...erased, notes: options.noteIds.length },
      });
      return erased;
    },
  };
}
export type RedactionService = ReturnType<typeof createRedactionService>;
