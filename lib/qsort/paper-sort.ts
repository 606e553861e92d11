import { gridCells, isForced, type Grid } from './grid';
import { emptySort, type SortState } from './sort';

/**
 * What is wrong with a paper sort as typed, by field, so each column's field can say so:
 * `column.<i>` `COUNT` (not as many statements as the grid has cells there), `UNKNOWN` (a number
 * that is no statement of the set) or `DUPLICATE` (a statement already in an earlier column, or
 * twice in this one). On an unforced grid a column may hold any number, and `columns` `COUNT`
 * says that not every statement was placed. Null when it fits.
 */
export function paperSortProblems(columns: readonly (readonly string[])[], grid: Grid, statementIds: readonly string[]): Record<string, 'COUNT' | 'UNKNOWN' | 'DUPLICATE'> | null {
  const known = new Set(statementIds);
  const seen = new Set<string>();
  const problems: Record<string, 'COUNT' | 'UNKNOWN' | 'DUPLICATE'> = {};
  grid.counts.forEach((count, i) => {
    const column = columns[i] ?? [];
    for (const id of column) {
      if (!known.has(id)) problems[`column.${i}`] ??= 'UNKNOWN';
      else if (seen.has(id)) problems[`column.${i}`] ??= 'DUPLICATE';
      seen.add(id);
    }
    if (isForced(grid) && column.length !== count) problems[`column.${i}`] ??= 'COUNT';
  });
  if (columns.length !== grid.counts.length) problems.columns = 'COUNT';
  // Unforced, the columns may hold any number, but every statement is placed.
  else if (!isForced(grid) && seen.size !== gridCells(grid) && Object.keys(problems).length === 0) problems.columns = 'COUNT';
  return Object.keys(problems).length > 0 ? problems : null;
}

/** A paper sort as the finished sort it stands for: every cell filled, nothing else said. */
export function paperSortState(columns: readonly (readonly string[])[], grid: Grid, pseudonym: string): SortState {
  return { ...emptySort(grid), step: 'done', columns: columns.map((c) => [...c]), pseudonym };
}

/** The statement numbers of one column as typed: "12, 30 7" → ['12', '30', '7']. */
export const parseColumn = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);
