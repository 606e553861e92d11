import type { QInput, Result } from '../types';

/**
 * PQMethod's file formats, as qmethod's `export.pqmethod()` writes and `import.pqmethod()` reads
 * them. PQMethod is a DOS program: ASCII only, CRLF line ends, fixed widths.
 *
 * `.DAT`:
 * - line 1: `  0`, the number of sorts (3 wide), the number of statements (3 wide), a space,
 *   then `name: description` (description cut to 68 characters);
 * - line 2: lowest and highest grid value (3 wide each), then the number of cells in each
 *   column of PQMethod's fixed −6…+6 grid (13 × 3 wide; unused columns are 0);
 * - one line per sort: its id left-aligned in 10 characters, then each statement's value in
 *   2 characters (`%- 2d`: " 3", "-3", " 0").
 * `.STA`: one statement per line, at most 60 characters (PQMethod's limit).
 */

/** PQMethod's grid spans −6…+6; values must fit in 2 characters. */
const GRID_MIN = -6;
const GRID_MAX = 6;
/** PQMethod reads at most 8 characters of a sort id; the DAT column is 10 wide. */
const ID_LENGTH = 8;
export const STA_LINE_LENGTH = 60;
const CRLF = '\r\n';

export interface PqmethodDatOptions {
  /** Study name, the start of line 1 (ASCII-folded). */
  studyName: string;
  /** Cut to 68 characters, as export.pqmethod() does. */
  description?: string;
}

/** Replaces letters PQMethod cannot show (æ ø å, accents) with ASCII and drops the rest. */
export function toAscii(text: string): string {
  return text
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, ' ');
}

/**
 * Sort ids as PQMethod takes them: ASCII, no spaces (import.pqmethod() strips them), at most
 * 8 characters, unique (a clash gets a numeric suffix).
 */
export function pqmethodIds(sorts: readonly string[]): string[] {
  const used = new Set<string>();
  return sorts.map((name, i) => {
    const base = toAscii(name).replace(/\s+/g, '').slice(0, ID_LENGTH) || `S${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, ID_LENGTH - String(n).length)}${n}`;
    used.add(id);
    return id;
  });
}

const pad3 = (n: number) => String(n).padStart(3, ' ');
const value2 = (v: number) => (v < 0 ? String(v) : ` ${v}`).padEnd(2, ' ');

export function toPqmethodDat(input: QInput, options: PqmethodDatOptions): Result<string> {
  const values = input.scores.flat();
  if (values.some((v) => !Number.isInteger(v) || v < GRID_MIN || v > GRID_MAX)) {
    return {
      ok: false,
      error: { code: 'BAD_OPTION', message: `PQMethod needs whole values from ${GRID_MIN} to ${GRID_MAX}` },
    };
  }
  const column = input.scores.map((row) => row[0]!);
  const low = Math.min(...column);
  const high = Math.max(...column);
  const counts = Array.from({ length: GRID_MAX - GRID_MIN + 1 }, (_, c) => column.filter((v) => v === GRID_MIN + c).length);
  const description = toAscii(options.description ?? '').slice(0, 68);
  const lines = [
    `  0${pad3(input.sorts.length)}${pad3(input.statements.length)} ${toAscii(options.studyName)}: ${description}`.trimEnd(),
    [low, high, ...counts].map(pad3).join(''),
    ...pqmethodIds(input.sorts).map((id, j) => id.padEnd(10, ' ') + input.scores.map((row) => value2(row[j]!)).join('')),
  ];
  return { ok: true, value: lines.join(CRLF) + CRLF };
}

/** Statements for PQMethod's `.STA`: one per line, single-line, ASCII, ≤ 60 characters. */
export function toPqmethodSta(statementTexts: readonly string[]): string {
  return statementTexts.map((t) => toAscii(t.replace(/\s+/g, ' ').trim()).slice(0, STA_LINE_LENGTH).trimEnd()).join(CRLF) + CRLF;
}
