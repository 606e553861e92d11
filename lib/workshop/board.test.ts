import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, readNotes, removeNote, updateNote, type BoardNote } from './board';

const note = (id: string, text: string): BoardNote => ({ id, text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: 'k', createdAt: 1 });

describe('reflection board', () => {
  it('merges notes written at the same time on two devices', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addNote(a, note('n1', 'Fra A'));
    addNote(b, note('n2', 'Fra B'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNotes(a).map((n) => n.text).sort()).toEqual(['Fra A', 'Fra B']);
    expect(readNotes(a)).toEqual(readNotes(b));
  });

  it('edits and removes notes by id, and reads defensively', () => {
    const doc = new Y.Doc();
    addNote(doc, note('n1', 'Først'));
    expect(updateNote(doc, 'n1', { text: 'Endret', colour: 'blue' })).toBe(true);
    expect(readNotes(doc)[0]).toMatchObject({ text: 'Endret', colour: 'blue' });
    expect(updateNote(doc, 'nope', { text: 'x' })).toBe(false);
    const junk = new Y.Map<unknown>();
    junk.set('id', 'n9');
    junk.set('colour', 'purple');
    doc.getArray<Y.Map<unknown>>('notes').push([junk]);
    expect(readNotes(doc)[1]).toMatchObject({ id: 'n9', text: '', colour: 'yellow', authorKind: 'anonymous' });
    expect(removeNote(doc, 'n1')).toBe(true);
    expect(readNotes(doc).map((n) => n.id)).toEqual(['n9']);
  });
});
