import type { QInput, Result } from './types';

/**
 * Reads a PQMethod `.DAT` (the layout of `exports/pqmethod.ts`, as PQMethod and qmethod's
 * `import.pqmethod()` write it): line 1 holds the number of sorts and of statements, line 2 the
 * grid, then one line per sort: its id in the first 10 characters and each statement's value in
 * 2 characters. Statements have no ids in a `.DAT`, only their places: they come back as "1", "2", ….
 */
export function parsePqmethodDat(text: string): Result<QInput> {
  const bad = (message: string, line?: number): Result<QInput> => ({ ok: false, error: { code: 'BAD_CSV', message, ...(line === undefined ? {} : { line }) } });
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const head = /^\s*0\s*(\d+)\s+(\d+)/.exec(lines[0] ?? '') ?? /^ {0,2}0(.{3})(.{3})/.exec(lines[0] ?? '');
  if (!head) return bad('line 1 is not a PQMethod .DAT header (0, sorts, statements)', 1);
  const nSorts = Number(head[1]!.trim());
  const nStatements = Number(head[2]!.trim());
  if (!Number.isInteger(nSorts) || !Number.isInteger(nStatements) || nSorts < 1 || nStatements < 2) return bad('line 1 does not give the number of sorts and statements', 1);
  const body = lines.slice(2);
  if (body.length !== nSorts) return bad(`the header says ${nSorts} sorts, the file has ${body.length}`, 3);
  const statements = Array.from({ length: nStatements }, (_, s) => String(s + 1));
  const sorts: string[] = [];
  const columns: number[][] = [];
  for (const [j, line] of body.entries()) {
    const lineNo = j + 3;
    const id = line.slice(0, 10).trim();
    if (id === '') return bad(`line ${lineNo} has no sort id`, lineNo);
    const cells = line.slice(10);
    if (cells.trimEnd().length > nStatements * 2 || cells.length < nStatements * 2 - 1) return bad(`line ${lineNo} does not hold ${nStatements} values of 2 characters`, lineNo);
    const values: number[] = [];
    for (let s = 0; s < nStatements; s++) {
      const cell = cells.slice(2 * s, 2 * s + 2).trim();
      if (!/^-?\d$/.test(cell)) return { ok: false, error: { code: 'NON_NUMERIC', message: `line ${lineNo}: "${cell}" for statement ${s + 1} is not a value of the grid`, line: lineNo, sort: id, statement: String(s + 1) } };
      values.push(Number(cell));
    }
    sorts.push(id);
    columns.push(values);
  }
  return { ok: true, value: { statements, sorts, scores: statements.map((_, s) => columns.map((c) => c[s]!)) } };
}

/** Whether a file's text looks like a PQMethod `.DAT` rather than a CSV. */
export const looksLikePqmethodDat = (text: string) => /^\s*0\s*\d+\s+\d+/.test(text.split(/\r?\n/, 1)[0] ?? '') && !text.split(/\r?\n/, 1)[0]!.includes(',');
