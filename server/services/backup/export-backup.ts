import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupContent, type BackupDoc, type BackupEnvelope } from '@/lib/backup/format';
import { createYjsPersistence } from '../../realtime/yjs-persistence';
import { encodeRow } from './codec';
import { backupTables, type PlannedTable } from './table-plan';

type Rows = Record<string, unknown>[];
const CHUNK = 500;

/** `sha256:<hex>` of the content as the file spells it. */
export const digestOf = (contentJson: string): string => `sha256:${createHash('sha256').update(contentJson).digest('hex')}`;

async function rowsOf(db: Db, table: PlannedTable, projectId: string, carried: Map<string, Rows>): Promise<Rows> {
  const { scope } = table;
  if (scope.kind === 'project') return db.select(table.columns).from(table.table).where(eq(table.columns[scope.column]!, projectId));
  const keys = [...new Set((carried.get(scope.parent) ?? []).map((r) => r[scope.parentColumn]).filter((v) => v !== null))];
  const rows: Rows = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    rows.push(...(await db.select(table.columns).from(table.table).where(inArray(table.columns[scope.column]!, keys.slice(i, i + CHUNK)))));
  }
  return rows;
}

/**
 * What must not travel, taken out as rows are written: a participant's token hash (it would let
 * the cookie holder back in elsewhere), an open session's join code and its being open (the
 * copy arrives ended), a pending archive run.
 */
function withoutLiveAccess(name: string, row: Record<string, unknown>, at: Date): Record<string, unknown> {
  if (name === 'participants') return { ...row, tokenHash: '' };
  if (name === 'live_sessions') {
    const open = row.status === 'open';
    return { ...row, status: 'ended', code: open ? '' : row.code, endedAt: open ? at : row.endedAt, archivePending: 0 };
  }
  return row;
}

/**
 * Each session's Yjs documents as one state, rebuilt in a document with garbage collection so
 * the content of deleted items (a redaction's purge) does not travel.
 */
async function docsOf(db: Db, sessionIds: string[]): Promise<BackupDoc[]> {
  const persistence = createYjsPersistence(db);
  const docs: BackupDoc[] = [];
  for (const sessionId of sessionIds) {
    for (const name of await persistence.namesStartingWith(`live.${sessionId}.`)) {
      const { state } = await persistence.fetch(name);
      if (!state) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      docs.push({ name, state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') });
      doc.destroy();
    }
  }
  return docs;
}

/** Every row of one project in every carried table, and its sessions' Yjs documents, read in one snapshot. */
export async function collectBackup(db: Db, projectId: string, at: Date): Promise<BackupContent> {
  return db.transaction(
    async (tx) => {
      const executor = tx as unknown as Db;
      const carried = new Map<string, Rows>();
      for (const table of backupTables) carried.set(table.name, await rowsOf(executor, table, projectId, carried));
      const sessionIds = (carried.get('live_sessions') ?? []).map((r) => String(r.id));
      const tables = Object.fromEntries(backupTables.map((t) => [t.name, (carried.get(t.name) ?? []).map((row) => encodeRow(withoutLiveAccess(t.name, row, at)))]));
      return { tables, docs: await docsOf(executor, sessionIds) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The backup file's text: the envelope around the content, with the content's digest. */
export function backupJson(content: BackupContent, at: Date): string {
  const contentJson = JSON.stringify(content);
  const head: Omit<BackupEnvelope, 'content'> = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: at.toISOString(), digest: digestOf(contentJson) };
  // The content is spliced in as written, so its digest is of exactly these characters.
  return `${JSON.stringify(head).slice(0, -1)},"content":${contentJson}}`;
}
