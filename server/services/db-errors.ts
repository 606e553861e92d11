/** True when the database refused an insert for breaking a unique constraint (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (typeof e === 'object' && (e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * True for a failure of the database itself (a refused query, a lost connection), as opposed
 * to bad data read from it: the one is worth retrying, the other is not.
 */
export function isDatabaseError(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (typeof e !== 'object') return false;
    if ((e as { name?: unknown }).name === 'DrizzleQueryError') return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || code.startsWith('E'))) return true;
  }
  return false;
}
