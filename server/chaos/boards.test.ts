import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote } from '@/lib/workshop/board';
import { checkBoards, type GroupBoards } from './boards';
import type { BoardClient } from './clients';

const client = (doc: Y.Doc) => ({ doc }) as BoardClient;
const note = (id: string) => ({ id, text: id, colour: 'yellow' as const, authorKind: 'anonymous' as const, authorName: null, authorKey: 'k', createdAt: 1 });
const copy = (doc: Y.Doc) => {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
};

function group(writer: Y.Doc, observer: Y.Doc, written: string[], seen: string[] = []): GroupBoards {
  return { docName: 'd', observer: client(observer), writers: [client(writer)], written, seenBeforeKill: new Set(seen) };
}

describe('the chaos board check', () => {
  it('passes when every copy and the stored document hold the same notes', () => {
    const writer = new Y.Doc();
    addNote(writer, note('a'));
    addNote(writer, note('b'));
    expect(checkBoards(group(writer, copy(writer), ['a', 'b'], ['a']), Y.encodeStateAsUpdate(writer))).toEqual({ converged: true, problems: [] });
  });

  it('fails when a copy lags, the store lacks a note, or nothing was stored', () => {
    const writer = new Y.Doc();
    addNote(writer, note('a'));
    const stale = copy(writer);
    const storedBefore = Y.encodeStateAsUpdate(writer);
    addNote(writer, note('b'));
    expect(checkBoards(group(writer, stale, ['a', 'b'])).problems).toEqual(['client copies differ']);
    const both = group(writer, copy(writer), ['a', 'b'], ['b']);
    expect(checkBoards(both, storedBefore).problems).toEqual([
      'client copies differ from the stored document',
      '1 written notes missing from the stored document',
      '1 notes seen before the kill missing from the stored document',
    ]);
    expect(checkBoards(both, null).converged).toBe(false);
  });
});
