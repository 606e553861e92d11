import { parseSortsCsv } from '@/lib/qmethod/csv';
import { looksLikeHtmlqCsv, parseHtmlqCsv } from '@/lib/qmethod/htmlq-csv';
import { looksLikePqmethodDat, parsePqmethodDat } from '@/lib/qmethod/pqmethod-dat';
import { containsPersonalData } from '@/lib/privacy-guard';
import type { Grid } from './grid';
import { paperSortProblems } from './paper-sort';

/** One sort of an imported file, as the columns of the session's grid. */
export interface ImportedSort {
  name: string;
  columns: string[][];
}

export type ImportProblem =
  | { code: 'BAD_FILE'; message: string; line?: number }
  | { code: 'STATEMENTS_DIFFER'; missing: string[]; unknown: string[] }
  | { code: 'SORT_DOES_NOT_FIT'; sort: string }
  /** The sort's position in the file (1-based): its name is not repeated back, it holds the personal data. */
  | { code: 'PERSONAL_DATA'; position: number };

/**
 * Sorts from a file as sorts of a session's grid: a qmethod CSV (the layout Verksted exports and
 * R's qmethod reads: a header `statement,<sort>,…`, a row per statement, statements by id) or a
 * PQMethod `.DAT`, or the export of HTMLQ, FlashQ or easy-HTMLQ (a row per participant, columns
 * `s1`…`sN`), both with statements by place: the n-th is the set's n-th. The file must hold exactly
 * the set's statements, and each sort must fill the grid as it is forced; the first that does
 * not is named. A sort name is its pseudonym, so it is guarded like one.
 */
export function importSortsFile(text: string, grid: Grid, statementIds: readonly string[]): { ok: true; sorts: ImportedSort[] } | { ok: false; problem: ImportProblem } {
  const dat = looksLikePqmethodDat(text);
  const htmlq = !dat && looksLikeHtmlqCsv(text);
  // .DAT and HTMLQ files number their statements by place: the n-th is the set's n-th.
  const byPlace = dat || htmlq;
  const parsed = dat ? parsePqmethodDat(text) : htmlq ? parseHtmlqCsv(text) : parseSortsCsv(text);
  if (!parsed.ok) return { ok: false, problem: { code: 'BAD_FILE', message: parsed.error.message, ...(parsed.error.line === undefined ? {} : { line: parsed.error.line }) } };
  const { sorts, scores } = parsed.value;
  const statements = byPlace ? parsed.value.statements.map((n) => statementIds[Number(n) - 1] ?? `#${n}`) : parsed.value.statements;
  const inFile = new Set(statements);
  const inSet = new Set(statementIds);
  const missing = statementIds.filter((id) => !inFile.has(id));
  const unknown = statements.filter((id) => !inSet.has(id));
  if (missing.length > 0 || unknown.length > 0 || inFile.size !== statements.length) return { ok: false, problem: { code: 'STATEMENTS_DIFFER', missing, unknown } };
  const out: ImportedSort[] = [];
  for (const [j, name] of sorts.entries()) {
    if (containsPersonalData(name)) return { ok: false, problem: { code: 'PERSONAL_DATA', position: j + 1 } };
    const columns = grid.counts.map(() => [] as string[]);
    let fits = true;
    statements.forEach((id, s) => {
      const column = scores[s]![j]! - grid.min;
      if (Number.isInteger(column) && column >= 0 && column < columns.length) columns[column]!.push(id);
      else fits = false;
    });
    if (!fits || paperSortProblems(columns, grid, statementIds)) return { ok: false, problem: { code: 'SORT_DOES_NOT_FIT', sort: name } };
    out.push({ name: name.slice(0, 40), columns });
  }
  return { ok: true, sorts: out };
}
