import * as Y from 'yjs';
import type { NewFeedbackItem } from '@/db/schema';
import { personalDataKinds } from '@/lib/privacy-guard';
import { boardDocName, readBoard, summariseSkipped } from '@/lib/workshop/board';
import { isDatabaseError } from '../../services/db-errors';
import type { KeepContext, Kept, ServerActivityModule } from '../contract';

/** A board's notes, or null when its stored document does not decode. */
async function boardNotes({ persistence, log }: KeepContext, docName: string) {
  const doc = new Y.Doc();
  try {
    // Merging the stored updates decodes them too, so a corrupt row fails here already.
    const loaded = await persistence.fetch(docName);
    if (!loaded.state) return { notes: [], skipped: [] };
    Y.applyUpdate(doc, loaded.state);
    const board = readBoard(doc);
    if (board.skipped.length > 0) log.warn({ docName, skipped: summariseSkipped(board.skipped) }, 'board entries skipped while archiving');
    return board;
  } catch (err) {
    if (isDatabaseError(err)) throw err;
    log.error({ err, docName }, 'board document does not decode; its earlier archive is kept');
    return null;
  } finally {
    doc.destroy();
  }
}

/**
 * A reflection's answers are Yjs board notes (no socket answers); they are kept as `note`
 * feedback items, one per note, with the group's name and the prompt they answered.
 */
export const reflectionServer: ServerActivityModule<'reflection'> = {
  kind: 'reflection',
  answers: {},
  keptKinds: ['note'],
  async keep(ctx, activities): Promise<Kept> {
    const { session, runtime, base } = ctx;
    const hidden = new Set(runtime.hiddenItems);
    const kept: Kept = { items: [], skippedEntries: 0, unreadable: [] };
    for (const activity of activities) {
      for (const group of runtime.groups) {
        const board = await boardNotes(ctx, boardDocName(session.id, activity.id, group.id));
        if (!board) {
          kept.unreadable.push({ activityId: activity.id, groupName: group.name });
          continue;
        }
        kept.skippedEntries += board.skipped.length;
        for (const note of board.notes) {
          const row: NewFeedbackItem = { ...base, activityId: activity.id, kind: 'note', itemKey: note.id, authorKind: note.authorKind, groupName: group.name, text: '' };
          // Kept as a marker, so the archive shows that something was taken out.
          if (note.redacted) kept.items.push({ ...row, redactedAt: new Date() });
          // Board text bypasses the form check if a client misbehaves: never archive it then.
          else if (note.text.trim() && personalDataKinds(note.text).length === 0) {
            kept.items.push({
              ...row,
              authorName: note.authorKind === 'named' ? note.authorName : null,
              text: note.text,
              data: { colour: note.colour, prompt: activity.config.prompt },
              hiddenAt: hidden.has(note.id) ? new Date() : null,
            });
          }
        }
      }
    }
    return kept;
  },
};
