/**
 * What deleting a live session leaves behind unless it is named: rows keyed by text rather than
 * by foreign key. Yjs documents are called `live.<sessionId>.…`, their usage counters
 * `d:<doc name>` and `s:<sessionId>:<subject>`, and rate-limit rows `<limit>:<sessionId>`
 * (server/services/limits-service.ts). Pure, so the patterns are tested without a database.
 */

/** Escapes `%`, `_` and `\` for a LIKE pattern (PostgreSQL's default escape is `\`). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** LIKE patterns of every text-keyed row that belongs to one live session. */
export function sessionKeyPatterns(sessionId: string) {
  const id = escapeLike(sessionId);
  return {
    /** `yjs_updates.doc_name` and `yjs_snapshots.doc_name`. */
    docs: `live.${id}.%`,
    /** `yjs_usage.key`: the documents' sizes and what each subject appended in the session. */
    usage: [`d:live.${id}.%`, `s:${id}:%`],
    /** `rate_limits.key`: limits counted per session (e.g. `joinsPerSession:<id>`). */
    rateLimits: `%:${id}`,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An audit entry's details as they may outlive the object they describe: ids (uuids), numbers
 * and booleans stay, so the entry still says who did what to which object and when; any text
 * goes, since it may quote what was deleted.
 */
export function idsOnly(details: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) kept[key] = value;
    else if (typeof value === 'string' && UUID.test(value)) kept[key] = value;
  }
  return kept;
}

/**
 * Deleting asks the person to type the name of what goes, so a slip of the mouse cannot delete
 * a project. Spacing and case are forgiven; anything else must match.
 */
export function confirmsName(typed: unknown, name: string): boolean {
  if (typeof typed !== 'string') return false;
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
  return norm(name).length > 0 && norm(typed) === norm(name);
}
