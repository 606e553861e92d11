import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** One table's rows and a digest of all their contents. */
export interface TableCount {
  rows: number;
  digest: string;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Every table of the application, read from the catalogue, so a table added later is counted too. */
export async function tableNames(db: Db): Promise<string[]> {
  const result = await db.execute(sql.raw("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1"));
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

/**
 * Rows and a digest of their contents for every table. Equal censuses mean the same rows with
 * the same values, not just as many.
 */
export async function census(db: Db): Promise<Record<string, TableCount>> {
  const out: Record<string, TableCount> = {};
  for (const name of await tableNames(db)) {
    const result = await db.execute(
      sql.raw(`select count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${name.replace(/"/g, '""')}" t`),
    );
    const [row] = rowsOf<{ rows: number; digest: string }>(result);
    out[name] = { rows: Number(row?.rows ?? 0), digest: row?.digest ?? '' };
  }
  return out;
}

/** Tables whose contents differ between two censuses. */
export const changedTables = (before: Record<string, TableCount>, after: Record<string, TableCount>): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t]?.digest !== after[t]?.digest || before[t]?.rows !== after[t]?.rows).sort();
