import * as Y from 'yjs';
import { itemsAddedBy } from '@/lib/yjs/written-text';
import { notesOf } from './board';

/**
 * Whether a transaction on a board (or draft) writes an author key other than `key`: a new note
 * carrying another key (or none), or any change to the key of a note that already existed.
 * A participant's notes carry a key only their own connection may write (see
 * `boardAuthorKey`), so nobody can pass notes off as another member's, or take theirs over.
 * For the same reason a note that already existed may be written to only by its own writer,
 * and not at all once a facilitator redacted it (nor may anyone but the server set `redacted`):
 * a phone that kept typing in a redacted note while offline would otherwise bring its text back.
 * Call it from `afterTransaction` on a copy of the document the update was applied to.
 */
export function writesForeignAuthorKey(tr: Y.Transaction, key: string): boolean {
  const notes = notesOf(tr.doc);
  for (const item of itemsAddedBy(tr)) {
    if (item.parent === notes && item.parentSub === null && !item.deleted && item.content instanceof Y.ContentType) {
      const note = item.content.type;
      if (note instanceof Y.Map && note.get('authorKey') !== key) return true;
    }
    if (item.parentSub !== null && item.parent instanceof Y.Map) {
      const note = item.parent as Y.Map<unknown>;
      // Within a note added by this same transaction the check above applies.
      const noteItem = note._item;
      const addedNow = noteItem !== null && noteItem.id.clock >= (tr.beforeState.get(noteItem.id.client) ?? 0);
      if (noteItem?.parent !== notes || addedNow) continue;
      if (item.parentSub === 'authorKey' || item.parentSub === 'redacted') return true;
      if (note.get('authorKey') !== key || note.get('redacted') === true) return true;
    }
  }
  return false;
}
