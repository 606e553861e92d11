import { parseCsvRows } from '@/lib/qmethod/csv';
import { STATEMENT_LIMITS } from './statement-schemas';

/**
 * Pasted statements, read as CSV (a header naming an id and a text column) or as a plain list
 * (one statement per line, optionally numbered). Pure: the import form's preview and the
 * service run the same code.
 */

/** One statement read from the import text; `code` null when the line had none. */
export interface ImportedStatement {
  code: number | null;
  text: string;
  /** Line in the pasted text where the statement starts (1-based), for error messages. */
  line: number;
}

export type ImportFormat = 'csv' | 'list';

export type ImportErrorCode =
  /** Nothing to import. */
  | 'EMPTY'
  /** A quoted CSV field is never closed. */
  | 'CSV_UNTERMINATED'
  /** The CSV header has no id column or no text column. */
  | 'CSV_HEADER'
  /** A CSV row has a different number of fields than the header. */
  | 'CSV_FIELDS'
  /** An id is not a whole number from 1 to 9999. */
  | 'CODE_INVALID'
  /** A row has an id but no text. */
  | 'TEXT_MISSING'
  /** A statement is longer than the limit. */
  | 'TOO_LONG'
  /** Two statements in the import have the same id. */
  | 'DUPLICATE_CODE'
  /** An id in the import is already used in the set. */
  | 'CODE_TAKEN'
  /** More statements than a set may hold. */
  | 'TOO_MANY'
  /** A statement holds a fødselsnummer, phone number or e-mail address. */
  | 'PERSONAL_DATA';

export interface ImportError {
  code: ImportErrorCode;
  /** The line it concerns, when there is one. */
  line?: number;
}

export type ImportResult = { ok: true; format: ImportFormat; statements: ImportedStatement[] } | { ok: false; format: ImportFormat; error: ImportError };

const ID_COLUMNS = ['id', 'code', 'kode', 'nr', 'nummer', 'number', 'no'];
const TEXT_COLUMNS = ['text', 'statement', 'tekst', 'utsagn'];
const normalise = (header: string) => header.trim().toLowerCase().replace(/[.#]/g, '');

/** CSV when the first non-empty line is a header naming an id column and a text column. */
export function detectFormat(text: string): ImportFormat {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const cells = first.split(',').map((c) => normalise(c.replace(/"/g, '')));
  return cells.length >= 2 && cells.some((c) => ID_COLUMNS.includes(c)) && cells.some((c) => TEXT_COLUMNS.includes(c)) ? 'csv' : 'list';
}

const CODE = /^\d{1,4}$/;
/** "12. ", "12) ", "12: " at the start of a line: a number marked as a code ("12.5" and "10:30" are not). */
const MARKED = /^(\d{1,4})\s*[.):](?!\d)\s*(?=\S)/;
/**
 * "12 " or "12 - " at the start of a line: a code only in a numbered list, since a statement
 * may begin with a number too ("3 av 4 brukere …", "3 - 4 samtaler …").
 */
const SPACED = /^(\d{1,4})(?:\s-\s*|\s+)(?=\S)/;
const BULLET = /^[-*•–]\s+/;

/**
 * One statement per non-empty line; a bullet alone is dropped. A number marked with ".", ")"
 * or ":" becomes the line's code; a number followed only by a space (or " - ") does so only
 * when every line starts with a number (a line on its own counts as a numbered list of one).
 */
export function parseStatementList(text: string): ImportedStatement[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ text: raw.trim().replace(BULLET, ''), line: i + 1 }))
    .filter((l) => l.text !== '');
  const numberedList = lines.every((l) => MARKED.test(l.text) || SPACED.test(l.text));
  return lines.map(({ text: line, line: at }) => {
    const numbered = MARKED.exec(line) ?? (numberedList ? SPACED.exec(line) : null);
    return numbered ? { code: Number(numbered[1]), text: line.slice(numbered[0].length).trim(), line: at } : { code: null, text: line, line: at };
  });
}

/** CSV with a header (`id,text`, `code,statement`, or Norwegian `nr,utsagn`); other columns are ignored. */
export function parseStatementCsv(text: string): { ok: true; statements: ImportedStatement[] } | { ok: false; error: ImportError } {
  const rows = parseCsvRows(text);
  if (rows === null) return { ok: false, error: { code: 'CSV_UNTERMINATED' } };
  const [header, ...body] = rows;
  if (!header) return { ok: false, error: { code: 'EMPTY' } };
  const names = header.fields.map(normalise);
  const idAt = names.findIndex((n) => ID_COLUMNS.includes(n));
  const textAt = names.findIndex((n) => TEXT_COLUMNS.includes(n));
  if (idAt < 0 || textAt < 0) return { ok: false, error: { code: 'CSV_HEADER', line: header.line } };
  const statements: ImportedStatement[] = [];
  for (const { fields, line } of body) {
    if (fields.length !== names.length) return { ok: false, error: { code: 'CSV_FIELDS', line } };
    const id = fields[idAt]!.trim();
    const statement = fields[textAt]!.trim();
    if (!CODE.test(id) || Number(id) < 1) return { ok: false, error: { code: 'CODE_INVALID', line } };
    if (statement === '') return { ok: false, error: { code: 'TEXT_MISSING', line } };
    statements.push({ code: Number(id), text: statement, line });
  }
  return { ok: true, statements };
}

/**
 * Reads the pasted text (either format) and gives every statement its code: the one it was
 * written with, otherwise the next free number after the highest so far. `taken` are the codes
 * already in the set; `isPersonal` is the privacy guard (passed in so this stays testable).
 */
export function readStatementImport(text: string, taken: Iterable<number>, isPersonal: (text: string) => boolean): ImportResult {
  const format = detectFormat(text);
  const fail = (error: ImportError): ImportResult => ({ ok: false, format, error });
  let parsed: ImportedStatement[];
  if (format === 'csv') {
    const csv = parseStatementCsv(text);
    if (!csv.ok) return fail(csv.error);
    parsed = csv.statements;
  } else {
    parsed = parseStatementList(text);
  }
  if (parsed.length === 0) return fail({ code: 'EMPTY' });
  const used = new Set(taken);
  const existing = new Set(used);
  if (existing.size + parsed.length > STATEMENT_LIMITS.statements) return fail({ code: 'TOO_MANY' });
  const seen = new Set<number>();
  for (const s of parsed) {
    if (s.code === null) continue;
    if (s.code < 1 || s.code > STATEMENT_LIMITS.code) return fail({ code: 'CODE_INVALID', line: s.line });
    if (existing.has(s.code)) return fail({ code: 'CODE_TAKEN', line: s.line });
    if (seen.has(s.code)) return fail({ code: 'DUPLICATE_CODE', line: s.line });
    seen.add(s.code);
    used.add(s.code);
  }
  let next = Math.max(0, ...used) + 1;
  const statements: ImportedStatement[] = [];
  for (const s of parsed) {
    if (s.text.length > STATEMENT_LIMITS.text) return fail({ code: 'TOO_LONG', line: s.line });
    if (isPersonal(s.text)) return fail({ code: 'PERSONAL_DATA', line: s.line });
    if (s.code !== null) {
      statements.push(s);
      continue;
    }
    while (used.has(next)) next++;
    used.add(next);
    statements.push({ ...s, code: next });
  }
  if (statements.some((s) => (s.code ?? 0) > STATEMENT_LIMITS.code)) return fail({ code: 'TOO_MANY' });
  return { ok: true, format, statements };
}
