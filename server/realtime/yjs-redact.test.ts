import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, readNotes, updateNote, type BoardNote } from '@/lib/workshop/board';
import { clearNotes, REDACTED_PASSAGE_MARKER, redactAllText, redactNote, redactPassage, removeNotesBy } from './yjs-redact';

const note = (id: string, text: string, authorKey = 'k'): BoardNote => ({ id, text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey, createdAt: 1 });
const holds = (update: Uint8Array, text: string) => Buffer.from(update).includes(Buffer.from(text, 'utf8'));

/** The document as a gc-enabled server copy encodes it after the change (what compaction stores). */
function afterChange(history: Uint8Array[], change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  for (const update of history) Y.applyUpdate(doc, update);
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe('yjs-redact', () => {
  it('a redacted note keeps its place with no text, and no earlier version survives in the encoded state', () => {
    const writer = new Y.Doc();
    const history: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => history.push(u));
    addNote(writer, note('a', 'første hemmelighet'));
    updateNote(writer, 'a', { text: 'andre hemmelighet' });
    addNote(writer, note('b', 'blir stående'));
    expect(history.some((u) => holds(u, 'første hemmelighet'))).toBe(true);

    const state = afterChange(history, (doc) => expect(redactNote(doc, 'a')).toBe(true));
    expect(holds(state, 'hemmelighet')).toBe(false);
    expect(holds(state, 'blir stående')).toBe(true);
    const read = new Y.Doc();
    Y.applyUpdate(read, state);
    expect(readNotes(read)).toMatchObject([{ id: 'a', text: '', redacted: true }, { id: 'b', text: 'blir stående' }]);
  });

  it('reports a note it does not hold', () => {
    const doc = new Y.Doc();
    addNote(doc, note('a', 'x'));
    expect(redactNote(doc, 'zzz')).toBe(false);
  });

  it('removes the notes of one author only, and their text with them', () => {
    const doc = new Y.Doc({ gc: true });
    addNote(doc, note('a1', 'Kari skrev dette', 'kari'));
    addNote(doc, note('o1', 'Ola skrev dette', 'ola'));
    addNote(doc, note('a2', 'Kari igjen', 'kari'));
    expect(removeNotesBy(doc, (k) => k === 'kari').sort()).toEqual(['a1', 'a2']);
    expect(readNotes(doc).map((n) => n.id)).toEqual(['o1']);
    expect(holds(Y.encodeStateAsUpdate(doc), 'Kari')).toBe(false);
  });

  it('replaces every occurrence of a passage, also next to each other, and nothing else', () => {
    const doc = new Y.Doc({ gc: true });
    doc.getText('notes').insert(0, 'Ring 41234567, ja 41234567 og 4123456741234567.');
    expect(redactPassage(doc, '41234567')).toBe(4);
    expect(doc.getText('notes').toString()).toBe(`Ring ${REDACTED_PASSAGE_MARKER}, ja ${REDACTED_PASSAGE_MARKER} og ${REDACTED_PASSAGE_MARKER}${REDACTED_PASSAGE_MARKER}.`);
    expect(holds(Y.encodeStateAsUpdate(doc), '41234567')).toBe(false);
    expect(redactPassage(doc, '')).toBe(0);
  });

  it('replaces all of a text by the marker, once', () => {
    const doc = new Y.Doc({ gc: true });
    doc.getText('notes').insert(0, 'Runde 2: hemmelig');
    redactAllText(doc);
    const once = Y.encodeStateAsUpdate(doc);
    redactAllText(doc);
    expect(doc.getText('notes').toString()).toBe(REDACTED_PASSAGE_MARKER);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(once);
    expect(holds(once, 'hemmelig')).toBe(false);
  });

  it('empties a draft', () => {
    const doc = new Y.Doc({ gc: true });
    addNote(doc, note('d1', 'utkast'));
    clearNotes(doc);
    expect(readNotes(doc)).toEqual([]);
    expect(holds(Y.encodeStateAsUpdate(doc), 'utkast')).toBe(false);
  });
});
