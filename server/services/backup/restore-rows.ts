import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { parseYjsDocName } from '@/lib/protocol';
import { remapBytes, remapJson, remapText, type IdMap } from '@/lib/backup/remap';
import { fail, ok, type Result } from '@/lib/errors';
import type { ReadBackup } from './read-backup';
import { backupTables } from './table-plan';

/** A backup's rows and documents as they are written: new ids everywhere, nothing of the old Verksted's access. */
export interface RestorePlan {
  projectId: string;
  tables: { name: string; rows: Record<string, unknown>[] }[];
  docs: { name: string; state: Uint8Array }[];
  /** The source project's id, for the audit entry. */
  sourceProjectId: string;
}

const carried = new Set(backupTables.map((t) => t.name));

/** A new id for every row id in the file; the same old id (a participant and its consent) gets the same new one. */
function newIds(backup: ReadBackup): Map<string, string> {
  const ids = new Map<string, string>();
  for (const table of backupTables) {
    for (const row of backup.tables[table.name] ?? []) {
      for (const column of table.idColumns) {
        const old = row[column];
        if (typeof old === 'string' && !ids.has(old)) ids.set(old, randomUUID());
      }
    }
  }
  return ids;
}

/** A token hash nobody holds the token of: restored participants cannot be resumed, only counted. */
const unusableTokenHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

function remapRow(tableName: string, row: Record<string, unknown>, ids: IdMap, userId: string, now: Date): Record<string, unknown> {
  const table = backupTables.find((t) => t.name === tableName)!;
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(table.columns)) {
    const value = row[key];
    const fk = table.foreignKeys.find((f) => f.column === key);
    // Accounts stay behind: references to them are cleared, the project's creator is the uploader.
    if (fk && !carried.has(fk.table)) out[key] = tableName === 'projects' && key === 'createdBy' ? userId : null;
    else if (typeof value === 'string') out[key] = remapText(value, ids);
    else if (column.columnType === 'PgJsonb') out[key] = remapJson(value, ids);
    else out[key] = value;
  }
  if (tableName === 'projects') out.updatedAt = now;
  if (tableName === 'participants') out.tokenHash = unusableTokenHash();
  if (tableName === 'live_sessions') {
    // A hand-made file may still hold an open session: it arrives ended, without its code.
    if (out.status !== 'ended') Object.assign(out, { status: 'ended', code: '', endedAt: out.endedAt ?? now });
    out.archivePending = 0;
  }
  return out;
}

/**
 * Rewrites a checked backup for this Verksted: every row id renewed and every reference to it
 * (columns, JSON, text keys, document names and contents) rewritten. A document must belong to
 * one of the file's sessions.
 */
export function planRestore(backup: ReadBackup, userId: string, now: Date): Result<RestorePlan> {
  const ids = newIds(backup);
  const source = backup.tables.projects![0]!;
  const tables = backupTables.map((t) => ({ name: t.name, rows: (backup.tables[t.name] ?? []).map((row) => remapRow(t.name, row, ids, userId, now)) }));
  const sessions = new Set(tables.find((t) => t.name === 'live_sessions')!.rows.map((r) => r.id));
  const docs: RestorePlan['docs'] = [];
  for (const doc of backup.docs) {
    const name = remapText(doc.name, ids);
    const ref = parseYjsDocName(name);
    if (!ref || !sessions.has(ref.sessionId)) return fail('BACKUP_INVALID', `document ${doc.name} belongs to no session of the file`);
    if (docs.some((d) => d.name === name)) return fail('BACKUP_INVALID', `document ${doc.name} twice`);
    docs.push({ name, state: remapBytes(Buffer.from(doc.state, 'base64'), ids) });
  }
  return ok({ projectId: ids.get(String(source.id))!, tables, docs, sourceProjectId: String(source.id) });
}
