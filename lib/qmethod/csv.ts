import type { QError, QInput, Result } from './types';

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes as "",
 * and line breaks; CRLF or LF). A leading byte-order mark is dropped; blank lines are skipped.
 * Returns null for an unterminated quote. `separator` is ',' unless told (';' for R's `read.csv2` files).
 */
export function parseCsvRows(text: string, separator: ',' | ';' = ','): { fields: string[]; line: number }[] | null {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) return null;
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads sorts in the QMETHOD.md layout: a header `statement,<sort name>,…`, then one row per
 * statement with its id and its score in each sort. Only the file's shape and numbers are
 * checked here; `analyze` checks the rest (distribution, duplicates, sizes).
 */
export function parseSortsCsv(text: string): Result<QInput> {
  const bad = (code: QError['code'], message: string, line?: number): Result<QInput> => ({
    ok: false,
    error: { code, message, ...(line === undefined ? {} : { line }) },
  });
  const rows = parseCsvRows(text);
  if (rows === null) return bad('BAD_CSV', 'unterminated quoted field');
  if (rows.length === 0) return bad('EMPTY_FILE', 'the file is empty');
  const [header, ...body] = rows;
  const width = header!.fields.length;
  if (width < 2) return bad('BAD_CSV', 'the header must be statement,<sort name>,<sort name>,…', 1);
  const sorts = header!.fields.slice(1).map((s) => s.trim());
  const emptyName = sorts.findIndex((s) => s === '');
  if (emptyName >= 0) return bad('BAD_CSV', `sort name in column ${emptyName + 2} is empty`, 1);
  const statements: string[] = [];
  const scores: number[][] = [];
  for (const { fields, line } of body) {
    if (fields.length !== width) {
      return bad('BAD_CSV', `line ${line} has ${fields.length} fields, the header has ${width}`, line);
    }
    const id = fields[0]!.trim();
    if (id === '') return bad('BAD_CSV', `line ${line} has no statement id`, line);
    const values: number[] = [];
    for (let j = 1; j < width; j++) {
      const cell = fields[j]!.trim();
      if (!NUMBER.test(cell)) {
        return {
          ok: false,
          error: { code: 'NON_NUMERIC', message: `line ${line}: "${cell}" for sort ${sorts[j - 1]} is not a number`, line, statement: id, sort: sorts[j - 1] },
        };
      }
      values.push(Number(cell));
    }
    statements.push(id);
    scores.push(values);
  }
  return { ok: true, value: { statements, sorts, scores } };
}
