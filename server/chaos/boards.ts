import * as Y from 'yjs';
import { readBoard } from '@/lib/workshop/board';
import type { BoardClient } from './clients';

/** One group's board as the run sees it: the console's copy, the members' copies, and what was written. */
export interface GroupBoards {
  docName: string;
  /** The facilitator console's copy: it only ever gets notes relayed by the server. */
  observer: BoardClient;
  writers: BoardClient[];
  /** Every note id a member wrote, acknowledged or not. */
  written: string[];
  /** Note ids the console had received before the kill: the server had stored them. */
  seenBeforeKill: Set<string>;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
/** Same content: same state vector (every update of every client) and the same notes array. */
const sameDoc = (a: Y.Doc, b: Y.Doc) =>
  sameBytes(Y.encodeStateVector(a), Y.encodeStateVector(b)) && JSON.stringify(a.getArray('notes').toJSON()) === JSON.stringify(b.getArray('notes').toJSON());

/**
 * Converged: all clients' copies equal each other and, given the stored document, equal it;
 * the stored document holds every note written and every note seen before the kill, and
 * reads without a skipped entry.
 */
export function checkBoards(group: GroupBoards, storedState?: Uint8Array | null): { converged: boolean; problems: string[] } {
  const problems: string[] = [];
  const copies = [group.observer, ...group.writers].map((c) => c.doc);
  if (!copies.every((d) => sameDoc(d, copies[0]!))) problems.push('client copies differ');
  // Undefined: compare the clients only (while the server runs); null: nothing was stored.
  if (storedState !== undefined) {
    const stored = new Y.Doc();
    if (storedState) Y.applyUpdate(stored, storedState);
    if (!copies.every((d) => sameDoc(d, stored))) problems.push('client copies differ from the stored document');
    const board = readBoard(stored);
    const ids = new Set(board.notes.map((n) => n.id));
    const missing = group.written.filter((id) => !ids.has(id));
    const missingSeen = [...group.seenBeforeKill].filter((id) => !ids.has(id));
    if (missing.length > 0) problems.push(`${missing.length} written notes missing from the stored document`);
    if (missingSeen.length > 0) problems.push(`${missingSeen.length} notes seen before the kill missing from the stored document`);
    if (board.skipped.length > 0) problems.push(`${board.skipped.length} stored entries are not notes`);
    stored.destroy();
  }
  return { converged: problems.length === 0, problems };
}
