import { digest } from 'lib0/hash/sha256';
import { parseYjsDocName } from '../protocol';

/**
 * The key a participant's notes carry on one group's board, so their phone recognises them.
 * Derived from the participant's own session key (which only their device holds) and the
 * board, so notes one person wrote in two groups carry unrelated keys: moving someone between
 * groups does not let anyone who sees both boards tie their notes together. A silent-writing
 * draft has the key of the board it is merged into.
 */
export function boardAuthorKey(sessionKey: string, docName: string): string {
  const ref = parseYjsDocName(docName);
  const scope = ref?.kind === 'board' || ref?.kind === 'draft' ? `${ref.activityId}:${ref.groupId}` : docName;
  const bytes = digest(new TextEncoder().encode(`verksted-note:${sessionKey}:${scope}`));
  return Array.from(bytes.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}
