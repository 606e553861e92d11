import * as Y from 'yjs';

/**
 * A group's reflection board is a Yjs document with one array of notes. Each note is a
 * Y.Map so two people can edit different notes at once without conflicts.
 */
export const noteColours = ['yellow', 'blue', 'green', 'pink', 'orange'] as const;
export type NoteColour = (typeof noteColours)[number];

export interface BoardNote {
  id: string;
  text: string;
  colour: NoteColour;
  /** 'group' when written on behalf of the group (a scribe at a laptop). */
  authorKind: 'named' | 'anonymous' | 'group';
  authorName: string | null;
  /** Opaque per-participant key (not the participant id) so a phone recognises its own notes. */
  authorKey: string;
  createdAt: number;
}

export const boardDocName = (sessionId: string, activityId: string, groupId: string) => `live.${sessionId}.board.${activityId}.${groupId}`;

/** A member's private draft of a board while silent writing lasts (see docs/protocol.md). */
export const boardDraftDocName = (sessionId: string, activityId: string, groupId: string, participantId: string) =>
  `live.${sessionId}.draft.${activityId}.${groupId}.${participantId}`;

/** The prefix every draft of one activity's boards shares, for finding them to merge. */
export const boardDraftPrefix = (sessionId: string, activityId: string) => `live.${sessionId}.draft.${activityId}.`;

export const notesOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('notes');

const authorKindOf = (value: unknown): BoardNote['authorKind'] => (value === 'named' || value === 'group' ? value : 'anonymous');

export function readNotes(doc: Y.Doc): BoardNote[] {
  return notesOf(doc)
    .toArray()
    .map((m): BoardNote => ({
      id: String(m.get('id') ?? ''),
      text: String(m.get('text') ?? ''),
      colour: (noteColours as readonly string[]).includes(String(m.get('colour'))) ? (m.get('colour') as NoteColour) : 'yellow',
      authorKind: authorKindOf(m.get('authorKind')),
      authorName: typeof m.get('authorName') === 'string' ? (m.get('authorName') as string) : null,
      authorKey: String(m.get('authorKey') ?? ''),
      createdAt: Number(m.get('createdAt') ?? 0),
    }))
    .filter((n) => n.id);
}

export function addNote(doc: Y.Doc, note: BoardNote): void {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(note)) map.set(k, v);
  notesOf(doc).push([map]);
}

export function updateNote(doc: Y.Doc, id: string, change: Partial<Pick<BoardNote, 'text' | 'colour'>>): boolean {
  const map = notesOf(doc).toArray().find((m) => m.get('id') === id);
  if (!map) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(change)) map.set(k, v);
  });
  return true;
}

export function removeNote(doc: Y.Doc, id: string): boolean {
  const index = notesOf(doc).toArray().findIndex((m) => m.get('id') === id);
  if (index < 0) return false;
  notesOf(doc).delete(index, 1);
  return true;
}
