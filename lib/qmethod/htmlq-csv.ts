import { parseCsvRows } from './csv';
import type { QInput, Result } from './types';

/** A statement column of an HTMLQ / FlashQ / easy-HTMLQ export: `s1`, `s2`, … (`sid` is the sort's id). */
const STATEMENT_COLUMN = /^s(\d+)$/i;

/**
 * Whether a text is the CSV that the online sorting tools HTMLQ, FlashQ and easy-HTMLQ export:
 * one row per participant, an `sid` column (or `uid`), and a column per statement named `s1`, `s2`, ….
 * A qmethod CSV whose sorts happen to be called s1, s2 has no `sid`, so the two are told apart.
 */
export function looksLikeHtmlqCsv(text: string): boolean {
  const firstLine = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r?\n/, 1)[0] ?? '';
  const cells = firstLine.split(firstLine.includes(';') ? ';' : ',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return cells.some((c) => /^(sid|uid)$/i.test(c)) && cells.filter((c) => STATEMENT_COLUMN.test(c) && c.toLowerCase() !== 'sid').length >= 2;
}

/**
 * Reads such an export as qmethod's `import.htmlq()` does: `;`-separated (R's `read.csv2`) or
 * `,`-separated, statements by their number (`s7` is the set's seventh statement), and each sort
 * named `q` + its `uid` when every row has one, else `q` + its `sid`. The other columns (dates,
 * durations, answers to the tool's questions) are left: they may hold what participants wrote.
 */
export function parseHtmlqCsv(text: string): Result<QInput> {
  const bad = (message: string, line?: number): Result<QInput> => ({ ok: false, error: { code: 'BAD_CSV', message, ...(line === undefined ? {} : { line }) } });
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const rows = parseCsvRows(text, firstLine.includes(';') ? ';' : ',');
  if (rows === null) return bad('unterminated quoted field');
  const [header, ...body] = rows;
  if (!header || body.length === 0) return { ok: false, error: { code: 'EMPTY_FILE', message: 'the file holds no sorts' } };
  const names = header.fields.map((c) => c.trim());
  const columns = names.flatMap((name, i) => {
    const m = STATEMENT_COLUMN.exec(name);
    return m && name.toLowerCase() !== 'sid' ? [{ i, n: Number(m[1]) }] : [];
  });
  const numbers = columns.map((c) => c.n).sort((a, b) => a - b);
  if (numbers.some((n, k) => n !== k + 1)) return bad(`the statement columns must be s1 to s${numbers.length}, each once`, 1);
  const sid = names.findIndex((n) => n.toLowerCase() === 'sid');
  const uid = names.findIndex((n) => n.toLowerCase() === 'uid');
  const idOf = (fields: string[], at: number) => (at >= 0 ? (fields[at] ?? '').trim() : '');
  const byUid = uid >= 0 && body.every((r) => idOf(r.fields, uid) !== '');
  const sorts: string[] = [];
  const scores: number[][] = numbers.map(() => []);
  for (const { fields, line } of body) {
    if (fields.length !== names.length) return bad(`line ${line} has ${fields.length} fields, the header has ${names.length}`, line);
    const id = idOf(fields, byUid ? uid : sid);
    if (id === '') return bad(`line ${line} has no sid`, line);
    const name = `q${id}`;
    for (const { i, n } of columns) {
      const cell = fields[i]!.trim();
      if (!/^[+-]?\d+$/.test(cell)) return { ok: false, error: { code: 'NON_NUMERIC', message: `line ${line}: "${cell}" for statement ${n} is not a value of the grid`, line, sort: name, statement: String(n) } };
      scores[n - 1]!.push(Number(cell));
    }
    sorts.push(name);
  }
  return { ok: true, value: { statements: numbers.map(String), sorts, scores } };
}
