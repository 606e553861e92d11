import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, participants, qsorts, type FeedbackKind } from '@/db/schema';
import type { FeedbackKindRules } from '@/lib/activities/contract';
import { feedbackKindRules } from '@/lib/activities/registry';
import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import { participantWithNumber } from '@/lib/participant-number';
import { roundNotesDocName } from '@/lib/protocol';
import { boardDocName } from '@/lib/workshop/board';
import type { TextDigest } from '../security/redacted-digest';
import { REDACTED_PASSAGE_MARKER, redactAllText, redactNote } from '../realtime/yjs-redact';
import type { AuditService } from './audit-service';
import type { LiveService } from './live-service';
import type { ProjectService } from './project-service';

/**
 * Removes text from a Yjs document and compacts its history (`YjsServer.purge`). Set by the
 * server once the content plane runs; without it (tools, service tests) documents are left alone.
 */
export type ContentPurge = (docName: string, change: (doc: Y.Doc) => void) => Promise<void>;

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
  /** Who wrote it, so their phone can drop the text from its form; null for facilitators' items. */
  participantId: string | null;
}

/** What erasing one participant's contributions removed, counted per table. */
export interface Erased {
  feedbackItems: number;
  qsorts: number;
}

const auditActor = (actor: RedactionActor) =>
  actor.kind === 'user' ? { actorKind: 'user' as const, actorId: actor.userId } : { actorKind: 'participant' as const, actorId: actor.participantId };

/** The feedback kinds whose rules (declared by their activity kind) match. */
const feedbackKindsWhere = (test: (rules: FeedbackKindRules) => boolean): FeedbackKind[] =>
  (Object.entries(feedbackKindRules) as [FeedbackKind, FeedbackKindRules][]).filter(([, rules]) => test(rules)).map(([kind]) => kind);

/**
 * Kinds whose `data` holds no participant text (a colour, the statement a comment is on), so a
 * redacted item keeps it and still shows in its place; every other kind's data is emptied
 * (agreements, themes and factors keep text there).
 */
const dataWithoutText = feedbackKindsWhere((rules) => rules.dataWithoutText);

/**
 * Answers a participant's phone can send again with the same text (its form still holds it);
 * their redacted text leaves a keyed digest so the feedback service keeps it out.
 */
const resendable = feedbackKindsWhere((rules) => rules.resendable);

/** `data` with `digest` added to its redacted-text digests (never the text itself). */
const withDigest = (data: SQL, digest: string | null): SQL =>
  digest
    ? sql`jsonb_set(${data}, '{redactedDigests}', coalesce(${feedbackItems.data} -> 'redactedDigests', '[]'::jsonb) || ${JSON.stringify([digest])}::jsonb)`
    : data;

/** The emptied columns of a redacted item; `digest` is that of its text, if it may be sent again. */
const redactedValues = (digest: string | null = null) => ({
  text: '',
  data: withDigest(sql`case when ${feedbackItems.kind} in ${dataWithoutText} then ${feedbackItems.data} else '{}'::jsonb end`, digest),
  // A plenary theme's name is its text; other kinds' theme is the finding's or round's name.
  theme: sql`case when ${feedbackItems.kind} = 'cluster' then null else ${feedbackItems.theme} end`,
  authorName: null,
  redactedAt: new Date(),
  updatedAt: new Date(),
});

/** Empties one comment (`statement`, or the "missing" text when null) of a stored Q-sort. */
async function forgetSortComment(tx: Db, sortId: string, statement: unknown): Promise<void> {
  const [sort] = await tx.select({ state: qsorts.state }).from(qsorts).where(eq(qsorts.id, sortId));
  if (!sort) return;
  const comments = { ...sort.state.comments };
  if (typeof statement === 'string') delete comments[statement];
  const state = { ...sort.state, comments, missing: typeof statement === 'string' ? sort.state.missing : '' };
  await tx.update(qsorts).set({ state }).where(eq(qsorts.id, sortId));
}

/**
 * Taking contributions back: a facilitator redacts one item (its text is emptied and a marker
 * shown everywhere instead), erases one participant's contributions in a session, or a
 * participant withdraws their own. The database side only; Yjs documents are the realtime
 * layer's (server/realtime/moderation.ts). Every removal is audit-logged by id and kind.
 */
export function createRedactionService(
  db: Db,
  audit: AuditService,
  projects: ProjectService,
  live: Pick<LiveService, 'forgetCase' | 'forgetClusterName'>,
  digest: TextDigest,
) {
  let purge: ContentPurge | null = null;

  /**
   * The Yjs document an archived item was copied from, and how to take its text out there, so
   * the next archive run does not bring the text back: a board note is marked redacted, a
   * round's shared notes are replaced by the marker as a whole.
   */
  async function sourceOf(item: RedactedItem): Promise<{ docName: string; change: (doc: Y.Doc) => void } | null> {
    if (!item.sessionId || !item.itemKey) return null;
    const noteId = item.itemKey;
    if (item.kind === 'round_notes') return { docName: roundNotesDocName(item.sessionId, noteId), change: redactAllText };
    if (item.kind !== 'note' || !item.activityId) return null;
    const [session] = await db.select({ state: liveSessions.state }).from(liveSessions).where(eq(liveSessions.id, item.sessionId));
    const group = session ? readLiveState(session.state).workshop?.groups.find((g) => g.name === item.groupName) : null;
    return group ? { docName: boardDocName(item.sessionId, item.activityId, group.id), change: (doc) => void redactNote(doc, noteId) } : null;
  }

  async function redactItem(projectId: string, itemId: string, actor: RedactionActor): Promise<Result<RedactedItem>> {
    const row = await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ kind: feedbackItems.kind, itemKey: feedbackItems.itemKey, data: feedbackItems.data, text: feedbackItems.text })
        .from(feedbackItems)
        .where(and(eq(feedbackItems.id, itemId), eq(feedbackItems.projectId, projectId)));
      if (!before) return null;
      // A Q-sort comment also lives in the sort it came from, which would bring it back.
      if (before.kind === 'q_comment' && before.itemKey) await forgetSortComment(tx as unknown as Db, before.itemKey, before.data.statement);
      const textDigest = resendable.includes(before.kind) ? digest(before.text) : null;
      const [updated] = await tx.update(feedbackItems).set(redactedValues(textDigest)).where(eq(feedbackItems.id, itemId)).returning({
        id: feedbackItems.id,
        kind: feedbackItems.kind,
        sessionId: feedbackItems.sessionId,
        activityId: feedbackItems.activityId,
        itemKey: feedbackItems.itemKey,
        groupName: feedbackItems.groupName,
        participantId: feedbackItems.participantId,
      });
      return updated ?? null;
    });
    if (!row) return fail('NOT_FOUND', 'no such item in this project');
    // A running kollegaveiledning keeps its case in its state, which the next archive run copies.
    if (row.kind === 'supervision_case' && row.sessionId) await live.forgetCase(row.sessionId, REDACTED_PASSAGE_MARKER, row.activityId);
    if (row.kind === 'cluster' && row.sessionId && row.itemKey) await live.forgetClusterName(row.sessionId, row.itemKey, REDACTED_PASSAGE_MARKER);
    const source = purge ? await sourceOf(row) : null;
    if (purge && source) await purge(source.docName, source.change);
    await audit.record({ ...auditActor(actor), action: 'feedback.redact', projectId, target: row.id, details: { kind: row.kind, sessionId: row.sessionId } });
    return ok(row);
  }

  return {
    /** Lets redactions reach Yjs documents (called once by the server). */
    useContent(contentPurge: ContentPurge): void {
      purge = contentPurge;
    },

    /** Redacts one feedback item of the project, and its source document if it has one; idempotent. */
    redactItem,

    /** A project member redacts an item from the archive or a finding's page, after the session. */
    async redactAsMember(userId: string, projectId: string, itemId: string): Promise<Result<RedactedItem>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      return redactItem(projectId, itemId, { kind: 'user', userId });
    },

    /** Redacts every occurrence of one word in a word cloud (a cloud shows words, not items). */
    async redactWord(projectId: string, sessionId: string, activityId: string, word: string, actor: RedactionActor): Promise<Result<{ count: number; participantIds: string[] }>> {
      const rows = await db
        .update(feedbackItems)
        .set(redactedValues(digest(word)))
        .where(
          and(
            eq(feedbackItems.projectId, projectId),
            eq(feedbackItems.sessionId, sessionId),
            eq(feedbackItems.activityId, activityId),
            eq(feedbackItems.kind, 'word'),
            eq(feedbackItems.text, word),
          ),
        )
        .returning({ id: feedbackItems.id, participantId: feedbackItems.participantId });
      if (rows.length === 0) return fail('NOT_FOUND', 'no such word');
      await audit.record({ ...auditActor(actor), action: 'feedback.redact', projectId, target: activityId, details: { kind: 'word', sessionId, items: rows.map((r) => r.id) } });
      return ok({ count: rows.length, participantIds: rows.flatMap((r) => (r.participantId ? [r.participantId] : [])) });
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
