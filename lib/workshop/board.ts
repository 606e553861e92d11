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
  /** Set when a facilitator redacted the note: its text is empty and a marker is shown instead. */
  redacted?: boolean;
}

/**
 * Limits a note must keep to be read at all. The form allows 500 characters; anything far past
 * that was written around the UI, and one such entry must not weigh on every reader.
 */
export const noteLimits = { id: 100, text: 4000, authorName: 200, authorKey: 200 } as const;

/** Why an entry of a board was left out when it was read. */
export type SkipReason = 'NOT_A_MAP' | 'NO_ID' | 'WRONG_TYPE' | 'TOO_LONG' | 'DUPLICATE_ID';
export interface SkippedEntry {
  index: number;
  reason: SkipReason;
  /** The field at fault, when one is. */
  field?: keyof BoardNote;
}

export const boardDocName = (sessionId: string, activityId: string, groupId: string) => `live.${sessionId}.board.${activityId}.${groupId}`;

/** A member's private draft of a board while silent writing lasts (see docs/protocol.md). */
export const boardDraftDocName = (sessionId: string, activityId: string, groupId: string, participantId: string) =>
  `live.${sessionId}.draft.${activityId}.${groupId}.${participantId}`;

/** The prefix every draft of one activity's boards shares, for finding them to merge. */
export const boardDraftPrefix = (sessionId: string, activityId: string) => `live.${sessionId}.draft.${activityId}.`;

/** The raw array: anything a client pushed is in it, so read it through `readBoard`. */
export const notesOf = (doc: Y.Doc) => doc.getArray<unknown>('notes');

const authorKindOf = (value: unknown): BoardNote['authorKind'] => (value === 'named' || value === 'group' ? value : 'anonymous');

type FieldCheck = { ok: true; value: unknown } | { ok: false; reason: 'WRONG_TYPE' | 'TOO_LONG' };

/** Absent fields take a default (older clients left some out); present ones must have their type. */
function stringField(map: Y.Map<unknown>, key: string, max: number, fallback: string | null): FieldCheck {
  const value = map.get(key);
  if (value === undefined || value === null) return { ok: true, value: fallback };
  if (typeof value !== 'string') return { ok: false, reason: 'WRONG_TYPE' };
  return value.length > max ? { ok: false, reason: 'TOO_LONG' } : { ok: true, value };
}

function readEntry(entry: unknown): { note: BoardNote } | { reason: SkipReason; field?: keyof BoardNote } {
  if (!(entry instanceof Y.Map)) return { reason: 'NOT_A_MAP' };
  const map = entry as Y.Map<unknown>;
  const fields = {
    id: stringField(map, 'id', noteLimits.id, ''),
    text: stringField(map, 'text', noteLimits.text, ''),
    colour: stringField(map, 'colour', 50, 'yellow'),
    authorKind: stringField(map, 'authorKind', 50, 'anonymous'),
    authorName: stringField(map, 'authorName', noteLimits.authorName, null),
    authorKey: stringField(map, 'authorKey', noteLimits.authorKey, ''),
  };
  for (const [field, check] of Object.entries(fields)) {
    if (!check.ok) return { reason: check.reason, field: field as keyof BoardNote };
  }
  const createdAt = map.get('createdAt') ?? 0;
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return { reason: 'WRONG_TYPE', field: 'createdAt' };
  const value = (key: keyof typeof fields) => (fields[key] as { value: unknown }).value as string | null;
  const id = value('id') ?? '';
  if (!id) return { reason: 'NO_ID' };
  const colour = value('colour') ?? '';
  return {
    note: {
      id,
      text: value('text') ?? '',
      colour: (noteColours as readonly string[]).includes(colour) ? (colour as NoteColour) : 'yellow',
      authorKind: authorKindOf(value('authorKind')),
      authorName: value('authorName'),
      authorKey: value('authorKey') ?? '',
      createdAt,
      ...(map.get('redacted') === true ? { redacted: true } : {}),
    },
  };
}

/**
 * Every well-formed note, and what was left out. A board is written by clients, so an entry
 * that is not a note map, has a field of the wrong type, is oversized or repeats an id is
 * skipped instead of failing the reader: one bad entry never hides the others.
 */
export function readBoard(doc: Y.Doc): { notes: BoardNote[]; skipped: SkippedEntry[] } {
  const notes: BoardNote[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  notesOf(doc).forEach((entry, index) => {
    const read = readEntry(entry);
    if ('reason' in read) {
      skipped.push(read.field ? { index, reason: read.reason, field: read.field } : { index, reason: read.reason });
    } else if (seen.has(read.note.id)) {
      skipped.push({ index, reason: 'DUPLICATE_ID' });
    } else {
      seen.add(read.note.id);
      notes.push(read.note);
    }
  });
  return { notes, skipped };
}

/** The well-formed notes; see `readBoard` for what is left out. */
export const readNotes = (doc: Y.Doc): BoardNote[] => readBoard(doc).notes;

/** Counts skipped entries by reason, for a log line that does not grow with the board. */
export function summariseSkipped(skipped: SkippedEntry[]): Partial<Record<SkipReason, number>> {
  const counts: Partial<Record<SkipReason, number>> = {};
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return counts;
}

/**
 * What the server could not take into a board when silent writing ended: the number of drafts
 * that did not fit its budget (`mergeBudgetBytes`), kept on the board so the facilitator sees it.
 * Members can write the board, so this is a notice, not a record to trust.
 */
const releaseOf = (doc: Y.Doc) => doc.getMap<unknown>('release');

export function draftsLeftOut(doc: Y.Doc): number {
  const value = releaseOf(doc).get('draftsLeftOut');
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** Sets the count only when it differs, so an unchanged release writes nothing. */
export function recordDraftsLeftOut(doc: Y.Doc, count: number): void {
  if (draftsLeftOut(doc) !== count) releaseOf(doc).set('draftsLeftOut', count);
}

/**
 * What a member's note field holds after the server refused their last note (personal data, a
 * budget): what they have typed since, else the refused text, so nothing is lost silently.
 */
export const noteFieldAfterRefusal = (field: string, refused: string): string => (field.trim() ? field : refused);

/**
 * A new note's id: 20 random letters (about 94 bits), no digits. Every string written to a
 * board passes the privacy guard, and a UUID's hex now and then holds a run of digits that
 * reads as a phone number, which would refuse an honest note.
 */
export function newNoteId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
}

export function addNote(doc: Y.Doc, note: BoardNote): void {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(note)) map.set(k, v);
  notesOf(doc).push([map]);
}

const indexOfNote = (doc: Y.Doc, id: string) => notesOf(doc).toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === id);

export function updateNote(doc: Y.Doc, id: string, change: Partial<Pick<BoardNote, 'text' | 'colour'>>): boolean {
  const index = indexOfNote(doc, id);
  if (index < 0) return false;
  const map = notesOf(doc).get(index) as Y.Map<unknown>;
  doc.transact(() => {
    for (const [k, v] of Object.entries(change)) map.set(k, v);
  });
  return true;
}

export function removeNote(doc: Y.Doc, id: string): boolean {
  const index = indexOfNote(doc, id);
  if (index < 0) return false;
  notesOf(doc).delete(index, 1);
  return true;
}
