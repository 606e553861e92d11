import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { yjsSnapshots, yjsUpdates } from '@/db/schema';
import { parseYjsDocName } from '@/lib/protocol';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

/**
 * Tables (of the public schema) with a row whose text form contains `needle`: every text and
 * jsonb column at once, whatever the table. Bytes (Yjs) show as hex there; see `yjsHolding`.
 */
export async function tablesContaining(db: Db, needle: string): Promise<string[]> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  ).map((r) => r.table_name);
  const found: string[] = [];
  for (const table of tables) {
    const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from ${sql.identifier(table)} t where t::text like ${`%${needle}%`}`));
    if (Number(row?.n ?? 0) > 0) found.push(table);
  }
  return found;
}

/**
 * A marker unique to one test, so a database scan finds only what that test wrote. Letters
 * only: a random hex slice is all digits now and then and would be refused as a phone number.
 */
export function uniqueMarker(label: string): string {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${label}${letters}`;
}

/** Whether bytes hold `needle` as UTF-8 (Yjs keeps strings as UTF-8 in its encoding). */
export const bytesHold = (bytes: Uint8Array, needle: string) => Buffer.from(bytes).includes(Buffer.from(needle, 'utf8'));

/**
 * Documents whose stored Yjs updates or snapshot hold `needle`, searched in the raw bytes and
 * in the text of the document they decode to.
 */
export async function yjsHolding(db: Db, needle: string): Promise<string[]> {
  const found = new Set<string>();
  const parts = [
    ...(await db.select({ docName: yjsUpdates.docName, bytes: yjsUpdates.update }).from(yjsUpdates)),
    ...(await db.select({ docName: yjsSnapshots.docName, bytes: yjsSnapshots.state }).from(yjsSnapshots)),
  ];
  for (const { docName, bytes } of parts) {
    if (bytesHold(bytes, needle)) found.add(docName);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    const kind = parseYjsDocName(docName)?.kind;
    const content = kind === 'board' || kind === 'draft' ? JSON.stringify(doc.getArray('notes').toJSON()) : doc.getText('notes').toString();
    if (content.includes(needle)) found.add(docName);
    doc.destroy();
  }
  return [...found].sort();
}
