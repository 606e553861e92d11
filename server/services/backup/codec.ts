import { z } from 'zod';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { PlannedTable } from './table-plan';

/**
 * Rows as a backup writes them (JSON) and reads them back (drizzle values), column by column
 * from the schema's own column types. Reading is strict: every column present, nothing else,
 * every value of its column's type, so an edited or damaged row is refused before a restore
 * writes anything.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Column types a backup can carry; another one makes the plan test fail until it is added here. */
export const carriedColumnTypes = ['PgUUID', 'PgText', 'PgInteger', 'PgBigInt53', 'PgBoolean', 'PgTimestamp', 'PgDateString', 'PgJsonb'] as const;

function valueSchema(column: PgColumn): z.ZodType {
  switch (column.columnType) {
    case 'PgUUID':
      return z.string().regex(UUID).transform((s) => s.toLowerCase());
    case 'PgText':
      return column.enumValues && column.enumValues.length > 0 ? z.enum(column.enumValues as [string, ...string[]]) : z.string();
    case 'PgInteger':
      return z.number().int().min(-2147483648).max(2147483647);
    case 'PgBigInt53':
      return z.number().int();
    case 'PgBoolean':
      return z.boolean();
    case 'PgTimestamp':
      return z.iso.datetime({ offset: true }).transform((s) => new Date(s));
    case 'PgDateString':
      return z.iso.date();
    case 'PgJsonb':
      return z.json();
    default:
      throw new Error(`backup: column ${column.name} has type ${column.columnType}, which backups do not carry`);
  }
}

/** The strict schema of one table's rows in a backup, decoding to what drizzle inserts. */
export function rowSchema(table: PlannedTable): z.ZodType<Record<string, unknown>> {
  const shape = Object.fromEntries(
    Object.entries(table.columns).map(([key, column]) => {
      const value = valueSchema(column);
      return [key, column.notNull ? value : value.nullable()];
    }),
  );
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/** A row read from the database as JSON: dates as ISO strings, everything else as it is. */
export function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}
