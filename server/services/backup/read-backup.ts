import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION, backupDocSchema, backupEnvelopeSchema, isGzip, type BackupDoc } from '@/lib/backup/format';
import { fail, ok, type Result } from '@/lib/errors';
import { rowSchema } from './codec';
import { digestOf } from './export-backup';
import { backupTables } from './table-plan';

/** The largest file a restore takes, and the most it may unpack to. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** A backup's content after every check of its own: decoded rows per table (drizzle values) and its documents. */
export interface ReadBackup {
  tables: Record<string, Record<string, unknown>[]>;
  docs: BackupDoc[];
}

/** Built on first use, so a column type backups cannot carry fails the plan test rather than the server's start. */
let contentSchema: z.ZodType | null = null;
const contentSchemaOf = () =>
  (contentSchema ??= z.strictObject({
    tables: z.strictObject(Object.fromEntries(backupTables.map((t) => [t.name, z.array(rowSchema(t))]))),
    docs: z.array(backupDocSchema),
  }));

const invalid = (why: string) => fail('BACKUP_INVALID', why);

function unpack(bytes: Uint8Array): Result<string> {
  if (bytes.length > MAX_BACKUP_BYTES) return fail('BACKUP_TOO_LARGE', `file of ${bytes.length} bytes`);
  if (!isGzip(bytes)) return ok(Buffer.from(bytes).toString('utf8'));
  try {
    return ok(gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }).toString('utf8'));
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return fail('BACKUP_TOO_LARGE', 'unpacks to too much');
    return invalid('not a readable gzip file');
  }
}

/**
 * Reads a backup file as client input: unpacks it, tells another version apart from a damaged
 * file, checks the digest and parses every row strictly. The content's own references are
 * checked by `checkReferences` before anything is written.
 */
export function readBackup(bytes: Uint8Array): Result<ReadBackup> {
  const text = unpack(bytes);
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.data);
  } catch {
    return invalid('not JSON');
  }
  const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.unknown() }).safeParse(json);
  if (!head.success) return invalid('not a Verksted backup');
  if (head.data.version !== BACKUP_VERSION) return fail('BACKUP_VERSION', `backup format version ${String(head.data.version)}; this Verksted reads ${BACKUP_VERSION}`);
  const envelope = backupEnvelopeSchema.safeParse(json);
  if (!envelope.success) return invalid('the envelope does not parse');
  if (digestOf(JSON.stringify(envelope.data.content)) !== envelope.data.digest) return invalid('the content does not match its digest');
  const content = contentSchemaOf().safeParse(envelope.data.content);
  if (!content.success) return invalid(`the content does not parse: ${content.error.issues.slice(0, 3).map((i) => i.path.join('.')).join('; ')}`);
  return ok(content.data as ReadBackup);
}

/**
 * Exactly one project, and every reference between carried tables pointing at a row of the
 * file: a restore writes nothing a file cannot account for.
 */
export function checkReferences(backup: ReadBackup): Result<null> {
  if (backup.tables.projects?.length !== 1) return invalid('a backup holds exactly one project');
  const values = new Map<string, Set<unknown>>();
  const valuesOf = (table: string, column: string) => {
    const key = `${table}.${column}`;
    if (!values.has(key)) values.set(key, new Set((backup.tables[table] ?? []).map((r) => r[column])));
    return values.get(key)!;
  };
  for (const table of backupTables) {
    for (const fk of table.foreignKeys) {
      if (!backupTables.some((t) => t.name === fk.table)) continue;
      const known = valuesOf(fk.table, fk.foreignColumn);
      const stray = (backup.tables[table.name] ?? []).find((row) => row[fk.column] !== null && !known.has(row[fk.column]));
      if (stray) return invalid(`${table.name}.${fk.column} refers to a row the file does not hold`);
    }
  }
  return ok(null);
}
