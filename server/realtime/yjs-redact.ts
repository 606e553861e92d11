import * as Y from 'yjs';
import { notesOf } from '@/lib/workshop/board';

/**
 * Changes that take participants' text out of a Yjs document. They run on the server's copy
 * of the document (`YjsServer.purge`), which then compacts the document so the stored history
 * keeps no trace of what was removed: Yjs with `gc` drops the content of deleted items, and
 * compaction replaces every stored update with one snapshot encoded from that document.
 */

/** Written into shared notes (Y.Text) where a passage was redacted; the same in every language. */
export const REDACTED_PASSAGE_MARKER = '[…]';

const noteMaps = (doc: Y.Doc) =>
  notesOf(doc)
    .toArray()
    .flatMap((entry) => (entry instanceof Y.Map ? [entry as Y.Map<unknown>] : []));

/**
 * Empties a board note's text and marks it redacted, so every board shows a marker in its
 * place. Returns whether the document held the note.
 */
export function redactNote(doc: Y.Doc, noteId: string): boolean {
  const matches = noteMaps(doc).filter((map) => map.get('id') === noteId);
  doc.transact(() => {
    for (const map of matches) {
      map.set('text', '');
      map.set('authorName', null);
      map.set('redacted', true);
    }
  });
  return matches.length > 0;
}

/** Removes every note `isAuthor` picks by its author key; returns the removed notes' ids. */
export function removeNotesBy(doc: Y.Doc, isAuthor: (authorKey: string) => boolean): string[] {
  const notes = notesOf(doc);
  const removed: string[] = [];
  doc.transact(() => {
    // From the end, so the indexes of the notes still to look at stay put.
    for (let i = notes.length - 1; i >= 0; i--) {
      const entry = notes.get(i);
      if (!(entry instanceof Y.Map)) continue;
      const key = entry.get('authorKey');
      if (typeof key === 'string' && isAuthor(key)) {
        const id = entry.get('id');
        if (typeof id === 'string') removed.push(id);
        notes.delete(i, 1);
      }
    }
  });
  return removed;
}

/**
 * Replaces every occurrence of `passage` in the shared notes (`Y.Text` "notes") by
 * `REDACTED_PASSAGE_MARKER`; returns how many it replaced.
 */
export function redactPassage(doc: Y.Doc, passage: string): number {
  if (!passage) return 0;
  const text = doc.getText('notes');
  let replaced = 0;
  doc.transact(() => {
    let from = 0;
    for (;;) {
      const at = text.toString().indexOf(passage, from);
      if (at < 0) break;
      text.delete(at, passage.length);
      text.insert(at, REDACTED_PASSAGE_MARKER);
      from = at + REDACTED_PASSAGE_MARKER.length;
      replaced++;
    }
  });
  return replaced;
}

/** Replaces all of the shared notes by the marker (a round's notes redacted from the archive). */
export function redactAllText(doc: Y.Doc): void {
  const text = doc.getText('notes');
  if (text.length === 0 || text.toString() === REDACTED_PASSAGE_MARKER) return;
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, REDACTED_PASSAGE_MARKER);
  });
}

/** Empties a board or draft of its notes (a deleted participant's private draft). */
export function clearNotes(doc: Y.Doc): void {
  const notes = notesOf(doc);
  if (notes.length > 0) notes.delete(0, notes.length);
}
