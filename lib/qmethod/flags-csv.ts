import { parseCsvRows } from './csv';
import type { Result } from './types';

const TRUE = new Set(['true', 't', '1', 'yes', 'x']);
const FALSE = new Set(['false', 'f', '0', 'no', '']);

/**
 * Reads manual flags: a header `sort,f1,…,fk`, then one row per sort (by name, any order) with
 * a boolean per factor (TRUE/FALSE, 1/0, x/empty). Every sort must appear exactly once.
 */
export function parseFlagsCsv(text: string, sorts: readonly string[]): Result<boolean[][]> {
  const bad = (message: string): Result<boolean[][]> => ({ ok: false, error: { code: 'BAD_FLAGS', message } });
  const rows = parseCsvRows(text);
  if (rows === null || rows.length < 2) return bad('the flags file needs a header and one row per sort');
  const k = rows[0]!.fields.length - 1;
  if (k < 1) return bad('the flags header must be sort,f1,…,fk');
  const bySort = new Map<string, boolean[]>();
  for (const { fields, line } of rows.slice(1)) {
    if (fields.length !== k + 1) return bad(`line ${line} of the flags file has ${fields.length} fields, expected ${k + 1}`);
    const name = fields[0]!.trim();
    if (!sorts.includes(name)) return bad(`line ${line} of the flags file names an unknown sort "${name}"`);
    if (bySort.has(name)) return bad(`sort "${name}" appears twice in the flags file`);
    const flags: boolean[] = [];
    for (const cell of fields.slice(1)) {
      const v = cell.trim().toLowerCase();
      if (TRUE.has(v)) flags.push(true);
      else if (FALSE.has(v)) flags.push(false);
      else return bad(`line ${line} of the flags file: "${cell}" is not a flag`);
    }
    bySort.set(name, flags);
  }
  const missing = sorts.find((s) => !bySort.has(s));
  if (missing !== undefined) return bad(`sort "${missing}" is missing from the flags file`);
  return { ok: true, value: sorts.map((s) => bySort.get(s)!) };
}
