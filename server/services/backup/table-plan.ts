import { getTableColumns, is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '@/db/schema';

/**
 * Which tables a project backup carries, derived from the drizzle schema rather than listed by
 * hand: a table belongs to a project when it has a foreign key to `projects`, or to a table
 * that belongs. Every table of the schema must be either carried or named below with the reason
 * it stays behind (`table-plan.test.ts` fails otherwise), so a table added later cannot be
 * forgotten silently.
 */

/** Tables that never travel, and why (docs/backup.md repeats these). */
export const excludedTables = {
  users: 'accounts of this Verksted; a restore makes the uploader the only owner',
  auth_sessions: 'sign-ins to this Verksted',
  project_members: 'accounts of this Verksted; a restore makes the uploader the only owner',
  invitations: 'one-time registration links (sign-in tokens) of this Verksted',
  audit_log: "this Verksted's record of who did what; the restore itself is audited where it happens",
  rate_limits: 'counters of request limits, not project data',
  yjs_usage: 'quota counters; a restore counts the documents it writes afresh',
  yjs_updates: 'travels as whole documents (see `docTables`), one merged state per document',
  yjs_snapshots: 'travels as whole documents (see `docTables`), one merged state per document',
} as const satisfies Record<string, string>;

/** Tables keyed by a document name (`live.<session>.…`) rather than a foreign key; carried as `docs`. */
export const docTables = ['yjs_updates', 'yjs_snapshots'] as const;

/** How a carried table's rows of one project are found. */
export type Scope =
  /** The table has the project's id in `column` (the `projects` table: its own `id`). */
  | { kind: 'project'; column: string }
  /** The table's `column` refers to `parentColumn` of rows of `parent`, already carried. */
  | { kind: 'parent'; column: string; parent: string; parentColumn: string };

export interface ForeignKey {
  /** JS property of the referring column. */
  column: string;
  table: string;
  /** JS property of the referred column. */
  foreignColumn: string;
  /** A key over several columns, which backups cannot carry yet (`table-plan.test.ts` fails on one). */
  composite: boolean;
}

export interface PlannedTable {
  name: string;
  table: PgTable;
  /** JS property → column. */
  columns: Record<string, PgColumn>;
  /** Properties of the primary key's uuid column(s): the ids a restore renews. */
  idColumns: string[];
  foreignKeys: ForeignKey[];
  scope: Scope;
}

const propertyOf = (columns: Record<string, PgColumn>, column: PgColumn): string => {
  const found = Object.entries(columns).find(([, c]) => c === column);
  if (!found) throw new Error(`column ${column.name} not found in its table`);
  return found[0];
};

interface TableInfo {
  name: string;
  table: PgTable;
  columns: Record<string, PgColumn>;
  foreignKeys: ForeignKey[];
  idColumns: string[];
}

function describe(table: PgTable): TableInfo {
  const config = getTableConfig(table);
  // Columns the database computes (a search vector, say) are neither written out nor inserted.
  const columns = Object.fromEntries(Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([, c]) => c.generated === undefined));
  const foreignKeys = config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    const foreignColumns = getTableColumns(ref.foreignTable) as Record<string, PgColumn>;
    return {
      column: propertyOf(columns, ref.columns[0]!),
      table: getTableConfig(ref.foreignTable).name,
      foreignColumn: propertyOf(foreignColumns, ref.foreignColumns[0]!),
      composite: ref.columns.length !== 1,
    };
  });
  const idColumns = Object.entries(columns)
    .filter(([, c]) => c.primary && c.columnType === 'PgUUID')
    .map(([key]) => key);
  return { name: config.name, table, columns, foreignKeys, idColumns };
}

/** Every table the schema declares, by SQL name. */
export const schemaTables: ReadonlyMap<string, TableInfo> = new Map(
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const info = describe(table);
      return [info.name, info] as const;
    }),
);

/** Tables that belong to a project: a foreign key, directly or through others, to `projects`. */
export function projectTables(tables: ReadonlyMap<string, TableInfo> = schemaTables): Set<string> {
  const belongs = new Set(['projects']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of tables.values()) {
      if (!belongs.has(info.name) && info.foreignKeys.some((fk) => belongs.has(fk.table))) {
        belongs.add(info.name);
        grew = true;
      }
    }
  }
  return belongs;
}

/**
 * The carried tables in an order where every table comes after the tables it refers to, so a
 * restore can insert them one after another. The scope prefers a reference that cannot be null
 * (the row's owner) over an optional one.
 */
function plan(): PlannedTable[] {
  const carried = [...projectTables()].filter((name) => !(name in excludedTables));
  const ordered: PlannedTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < carried.length) {
    const next = carried.find(
      (name) => !placed.has(name) && schemaTables.get(name)!.foreignKeys.every((fk) => fk.table === name || placed.has(fk.table) || !carried.includes(fk.table)),
    );
    if (!next) throw new Error(`backup: a cycle of foreign keys among ${carried.filter((n) => !placed.has(n)).join(', ')}`);
    const info = schemaTables.get(next)!;
    ordered.push({ ...info, scope: scopeOf(info, placed) });
    placed.add(next);
  }
  return ordered;
}

function scopeOf(info: TableInfo, placed: Set<string>): Scope {
  if (info.name === 'projects') return { kind: 'project', column: 'id' };
  const toProject = info.foreignKeys.find((fk) => fk.table === 'projects');
  if (toProject) return { kind: 'project', column: toProject.column };
  const parents = info.foreignKeys.filter((fk) => placed.has(fk.table));
  const owner = parents.find((fk) => info.columns[fk.column]!.notNull) ?? parents[0];
  if (!owner) throw new Error(`backup: ${info.name} has no carried parent`);
  return { kind: 'parent', column: owner.column, parent: owner.table, parentColumn: owner.foreignColumn };
}

/** The carried tables, parents first. */
export const backupTables: readonly PlannedTable[] = plan();

/**
 * Tables the plan has no answer for: neither carried nor excluded. A table that belongs to a
 * project by foreign key is carried on its own; any other table (one keyed by text, one with a
 * project id but no foreign key, one of the instance) must be named in `excludedTables`.
 */
export function unclassifiedTables(tables: ReadonlyMap<string, { name: string }> = schemaTables, carried: ReadonlySet<string> = new Set(backupTables.map((t) => t.name))): string[] {
  return [...tables.keys()].filter((name) => !carried.has(name) && !(name in excludedTables)).sort();
}
