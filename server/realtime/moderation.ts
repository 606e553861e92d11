import { fail, ok, type Result } from '@/lib/errors';
import { parseYjsDocName, type ErasedContributions, type RedactTarget } from '@/lib/protocol';
import type { Services } from '../services';
import type { RedactionActor } from '../services/redaction-service';
import { clearNotes, redactNote, redactPassage, removeNotesBy } from './yjs-redact';
import type { YjsServer } from './yjs-server';

/** What moderation needs of the content plane. */
export type ContentPurge = Pick<YjsServer, 'purge'>;

/** Tells the connected clients what changed, once the removal is stored. */
export interface ModerationEffects {
  /** Results, the kollegaveiledning outcome and the Q-sort views of the session are sent again. */
  refresh(sessionId: string): void;
  /** These participants' own answers changed under them: their phones fetch them again. */
  answersChanged(sessionId: string, participantIds: string[]): void;
}

const boardPrefix = (sessionId: string) => `live.${sessionId}.board.`;
const draftPrefix = (sessionId: string) => `live.${sessionId}.draft.`;

/**
 * Redaction and erasure across the database and the Yjs documents: the database through the
 * redaction service, the documents through `purge`, which removes the text from the live
 * document (relayed to every connected editor) and compacts its stored history.
 */
export function createModeration(services: Services, content: ContentPurge, effects: ModerationEffects) {
  const { redaction } = services;

  /** A document of this session that holds participants' text, or null. */
  function ownDoc(sessionId: string, docName: string, kinds: readonly string[]) {
    const ref = parseYjsDocName(docName);
    return ref && ref.sessionId === sessionId && kinds.includes(ref.kind) ? ref : null;
  }

  async function erase(projectId: string, sessionId: string, participantId: string, forgetProfile: boolean, actor: RedactionActor, number: number | null): Promise<ErasedContributions> {
    const noteIds: string[] = [];
    for (const docName of await services.yjsPersistence.namesStartingWith(boardPrefix(sessionId))) {
      // A participant's notes carry a key of their own for each board (server/security/tokens.ts).
      const key = services.yjsTokens.boardAuthorKey(participantId, docName);
      if (key === null) continue;
      await content.purge(docName, (doc) => noteIds.push(...removeNotesBy(doc, (k) => k === key)));
    }
    const drafts = (await services.yjsPersistence.namesStartingWith(draftPrefix(sessionId))).filter((name) => parseYjsDocName(name)?.kind === 'draft' && name.endsWith(`.${participantId}`));
    for (const docName of drafts) await content.purge(docName, clearNotes);
    const erased = await redaction.erase(projectId, sessionId, participantId, { noteIds, forgetProfile, actor, number });
    effects.refresh(sessionId);
    return { ...erased, notes: noteIds.length, drafts: drafts.length };
  }

  return {
    async redact(projectId: string, sessionId: string, target: RedactTarget, actor: RedactionActor): Promise<Result<null>> {
      switch (target.type) {
        case 'item': {
          // The item's source document (a board, a round's notes) is purged by the service too.
          const item = await redaction.redactItem(projectId, target.itemId, actor);
          if (!item.ok) return item;
          // The writer's form still holds the text; left there, the next "Send" would offer it again.
          if (item.data.participantId && item.data.sessionId) effects.answersChanged(item.data.sessionId, [item.data.participantId]);
          break;
        }
        case 'word': {
          const done = await redaction.redactWord(projectId, sessionId, target.activityId, target.word, actor);
          if (!done.ok) return done;
          effects.answersChanged(sessionId, done.data.participantIds);
          break;
        }
        case 'note': {
          if (!ownDoc(sessionId, target.docName, ['board', 'draft'])) return fail('NOT_FOUND', 'no such board in this session');
          let found = false;
          await content.purge(target.docName, (doc) => (found = redactNote(doc, target.noteId)));
          if (!found) return fail('NOT_FOUND', 'no such note');
          await redaction.contentRedacted(projectId, sessionId, target.docName, target.noteId, actor);
          break;
        }
        case 'passage': {
          if (!ownDoc(sessionId, target.docName, ['session-notes', 'round-notes'])) return fail('NOT_FOUND', 'no such notes in this session');
          let replaced = 0;
          await content.purge(target.docName, (doc) => (replaced = redactPassage(doc, target.text)));
          if (replaced === 0) return fail('NOT_FOUND', 'no such passage');
          await redaction.contentRedacted(projectId, sessionId, target.docName, null, actor);
          break;
        }
      }
      effects.refresh(sessionId);
      return ok(null);
    },

    /** A facilitator deletes "Deltaker N"'s contributions, display name and join answers included. */
    async eraseNumbered(projectId: string, sessionId: string, number: number, userId: string): Promise<Result<ErasedContributions>> {
      const participantId = await redaction.participantNumbered(sessionId, number);
      if (!participantId) return fail('NOT_FOUND', 'no participant with that number');
      const erased = await erase(projectId, sessionId, participantId, true, { kind: 'user', userId }, number);
      await services.live.forgetMemberName(sessionId, participantId, number);
      return ok(erased);
    },

    /** A participant takes back everything they contributed; they stay in the session. */
    async withdrawAll(projectId: string, sessionId: string, participantId: string): Promise<Result<ErasedContributions>> {
      return ok(await erase(projectId, sessionId, participantId, false, { kind: 'participant', participantId }, null));
    },
  };
}
export type Moderation = ReturnType<typeof createModeration>;
