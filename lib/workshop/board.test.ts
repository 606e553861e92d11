import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, draftsLeftOut, newNoteId, noteLimits, notesOf, readBoard, readNotes, recordDraftsLeftOut, removeNote, updateNote, type BoardNote } from './board';

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

  it('skips entries that are not notes, keeps the rest, and says why', () => {
    const doc = new Y.Doc();
    addNote(doc, note('n1', 'Først'));
    const wrongType = new Y.Map<unknown>();
    wrongType.set('id', 'n2');
    wrongType.set('text', { nested: true });
    const huge = new Y.Map<unknown>();
    huge.set('id', 'n3');
    huge.set('text', 'x'.repeat(noteLimits.text + 1));
    const badDate = new Y.Map<unknown>();
    badDate.set('id', 'n4');
    badDate.set('createdAt', 'i går');
    notesOf(doc).push(['bare tekst', 42, null, new Y.Array(), wrongType, huge, badDate]);
    addNote(doc, note('n1', 'Samme id igjen'));
    addNote(doc, note('n5', 'Sist'));

    const { notes, skipped } = readBoard(doc);
    expect(notes.map((n) => [n.id, n.text])).toEqual([['n1', 'Først'], ['n5', 'Sist']]);
    expect(skipped).toEqual([
      { index: 1, reason: 'NOT_A_MAP' },
      { index: 2, reason: 'NOT_A_MAP' },
      { index: 3, reason: 'NOT_A_MAP' },
      { index: 4, reason: 'NOT_A_MAP' },
      { index: 5, reason: 'WRONG_TYPE', field: 'text' },
      { index: 6, reason: 'TOO_LONG', field: 'text' },
      { index: 7, reason: 'WRONG_TYPE', field: 'createdAt' },
      { index: 8, reason: 'DUPLICATE_ID' },
    ]);
    // Editing and removing still find notes past the junk.
    expect(updateNote(doc, 'n5', { text: 'Endret' })).toBe(true);
    expect(removeNote(doc, 'n1')).toBe(true);
    expect(readNotes(doc).map((n) => [n.id, n.text])).toEqual([['n1', 'Samme id igjen'], ['n5', 'Endret']]);
  });

  it('counts drafts left out on the board, reads junk as none, and writes nothing when the count is unchanged', () => {
    const doc = new Y.Doc();
    expect(draftsLeftOut(doc)).toBe(0);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    recordDraftsLeftOut(doc, 0);
    expect(updates).toHaveLength(0);
    recordDraftsLeftOut(doc, 2);
    recordDraftsLeftOut(doc, 2);
    expect(updates).toHaveLength(1);
    expect(draftsLeftOut(doc)).toBe(2);
    for (const junk of ['3', -1, 1.5, null]) {
      doc.getMap('release').set('draftsLeftOut', junk);
      expect(draftsLeftOut(doc)).toBe(0);
    }
  });
});

describe('newNoteId', () => {
  it('is 20 letters with no digits, so the privacy guard never mistakes an id for a number', () => {
    const ids = Array.from({ length: 2000 }, () => newNoteId());
    expect(ids.every((id) => /^[a-z]{20}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
