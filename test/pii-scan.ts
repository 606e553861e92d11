import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { personalDataKinds, type PersonalDataKind } from '@/lib/privacy-guard';

/**
 * Columns that hold contact details by design, where the detector's findings are not reported
 * (the needle search still is): staff accounts, with the name and e-mail address they sign in
 * with, and a project's consent text, which names whom to contact (e-mail, phone).
 */
export const STAFF_CONTACT_COLUMNS = ['users.name', 'users.email', 'users.unverified_email', 'projects.consent_text', 'consent_versions.text'] as const;

export interface ScanOptions {
  /** `table.column` names whose detector findings are expected; default STAFF_CONTACT_COLUMNS. */
  expected?: readonly string[];
}

/** One place in the database where personal data (or one of the given numbers) was found. */
export interface PiiHit {
  table: string;
  column: string;
  /** The row's primary key as `col=value,…` (or its ctid when the table has none). */
  row: string;
  /** A needle (digits of a number given to the scan) or a kind the detector reported. */
  found: string;
  /** Where in the value: `text`, a JSON path, or `yjs:<what>` for decoded Yjs content. */
  where: string;
}

interface ScannedColumn {
  table: string;
  column: string;
  dataType: string;
}

/**
 * Reads every text, varchar, json(b), array and bytea column of every table in the public schema
 * and reports where personal data is stored: an exact search for each needle (compared digits
 * only, after folding any script's digits to ASCII, so every spelling of the number counts) and
 * the privacy guard's detector over every string a human could have typed. Yjs rows
 * (`yjs_updates.update`, `yjs_snapshots.state`) are decoded: every string in every struct of
 * every update (deleted text included, it is still in the bytes) and the merged text of every
 * shared type of each document, so a number typed in pieces is found too.
 *
 * Machine strings (uuids, timestamps, hashes, tokens) are skipped by the detector, never by
 * the needle search. Works on PGlite and PostgreSQL.
 */
export async function scanDatabase(db: Db, needles: readonly string[] = [], options: ScanOptions = {}): Promise<PiiHit[]> {
  const digitNeedles = needles.map(digitsOf).filter((n) => n.length >= 6);
  const expected = new Set(options.expected ?? STAFF_CONTACT_COLUMNS);
  const hits: PiiHit[] = [];
  const check = (base: Omit<PiiHit, 'found' | 'where'>, where: string, value: string, detect: boolean) => {
    const digits = digitsOf(value);
    for (const needle of digitNeedles) if (digits.includes(needle)) hits.push({ ...base, found: needle, where });
    if (!detect || isMachineString(value) || expected.has(`${base.table}.${base.column}`)) return;
    for (const kind of personalDataKinds(value)) hits.push({ ...base, found: kind, where });
  };

  const columns = await rows<{ table: string; column: string; dataType: string; udt: string }>(
    db,
    `select table_name as "table", column_name as "column", data_type as "dataType", udt_name as "udt"
       from information_schema.columns
      where table_schema = 'public'
        and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
             or (data_type = 'ARRAY' and udt_name in ('_text', '_varchar')))
      order by table_name, ordinal_position`,
  );
  const byTable = new Map<string, ScannedColumn[]>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);

  for (const [table, cols] of byTable) {
    const keys = await primaryKeyOf(db, table);
    const keySelect = keys.length > 0 ? keys.map((k) => `${ident(k)}::text as ${ident(`pk:${k}`)}`).join(', ') : `ctid::text as "pk:ctid"`;
    const colSelect = cols.map((c) => (c.dataType === 'bytea' ? ident(c.column) : `${ident(c.column)}::text as ${ident(c.column)}`)).join(', ');
    const data = await rows<Record<string, unknown>>(db, `select ${keySelect}, ${colSelect} from ${ident(table)}`);
    for (const r of data) {
      const row = Object.entries(r)
        .filter(([k]) => k.startsWith('pk:'))
        .map(([k, v]) => `${k.slice(3)}=${String(v)}`)
        .join(',');
      for (const c of cols) {
        const value = r[c.column];
        if (value === null || value === undefined) continue;
        const base = { table, column: c.column, row };
        if (c.dataType === 'bytea') scanBytes(value as Uint8Array, (where, text) => check(base, where, text, true));
        else if (c.dataType === 'json' || c.dataType === 'jsonb') {
          check(base, 'json', String(value), false);
          walkJson(JSON.parse(String(value)) as unknown, '$', (where, text) => check(base, where, text, true));
        } else check(base, 'text', String(value), true);
      }
    }
  }

  for (const [docName, text] of await materialisedDocs(db)) {
    for (const [where, value] of text) check({ table: 'yjs_documents', column: 'merged', row: `doc_name=${docName}` }, where, value, true);
  }
  return hits;
}

/** Fails with a readable list when the scan found anything. */
export function describeHits(hits: readonly PiiHit[]): string {
  return hits.map((h) => `${h.table}.${h.column} [${h.row}] ${h.where}: ${h.found}`).join('\n');
}

async function rows<T>(db: Db, query: string): Promise<T[]> {
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: T[] };
  return result.rows;
}

async function primaryKeyOf(db: Db, table: string): Promise<string[]> {
  const keys = await rows<{ column: string }>(
    db,
    `select k.column_name as "column"
       from information_schema.table_constraints t
       join information_schema.key_column_usage k
         on k.constraint_name = t.constraint_name and k.table_schema = t.table_schema and k.table_name = t.table_name
      where t.table_schema = 'public' and t.table_name = '${table.replaceAll("'", "''")}' and t.constraint_type = 'PRIMARY KEY'
      order by k.ordinal_position`,
  );
  return keys.map((k) => k.column);
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The ASCII digits of a text, with every Unicode decimal digit folded to its value. Unicode
 * keeps each script's digits 0–9 in consecutive code points, so the value is the distance from
 * the start of the run, modulo 10 (the mathematical digits are five runs in a row).
 */
export function digitsOf(text: string): string {
  const chars = Array.from(text.normalize('NFKC'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch >= '0' && ch <= '9') out += ch;
    else if (/\p{Nd}/u.test(ch)) {
      const cp = ch.codePointAt(0)!;
      let start = cp;
      while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
      out += String((cp - start) % 10);
    }
  }
  return out;
}

const MACHINE = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // uuid
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/, // timestamp
  /^\d{4}-\d{2}-\d{2}$/, // date
];

/** Ids, timestamps, hashes and tokens: what a server writes, not what a person types. */
function isMachineString(value: string): boolean {
  const v = value.trim();
  if (MACHINE.some((re) => re.test(v))) return true;
  // Long unbroken runs of letters and digits (hex, base64url, password hashes, join tokens).
  return v.length >= 16 && !/\s/.test(v) && /[A-Za-z]/.test(v) && /\d/.test(v) && /^[A-Za-z0-9_\-+/=.$:,]+$/.test(v);
}

function walkJson(value: unknown, path: string, visit: (where: string, text: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkJson(v, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(`${path}{key}`, k);
      walkJson(v, `${path}.${k}`, visit);
    }
  }
}

/** A bytea value: a Yjs update when it decodes as one, otherwise its bytes read as UTF-8. */
function scanBytes(bytes: Uint8Array, visit: (where: string, text: string) => void): void {
  let decoded: ReturnType<typeof Y.decodeUpdate> | null = null;
  try {
    decoded = Y.decodeUpdate(bytes);
  } catch {
    decoded = null;
  }
  if (!decoded) return visit('bytes', Buffer.from(bytes).toString('utf8'));
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.parentSub) visit('yjs:key', struct.parentSub);
    if (typeof struct.parent === 'string') visit('yjs:root', struct.parent);
    const content = struct.content;
    if (content instanceof Y.ContentString) visit('yjs:string', content.str);
    else if (content instanceof Y.ContentFormat) visit('yjs:format', `${content.key} ${JSON.stringify(content.value)}`);
    else if (content instanceof Y.ContentType) {
      if (content.type instanceof Y.XmlElement) visit('yjs:element', content.type.nodeName);
    } else {
      for (const v of content.getContent() as unknown[]) walkJson(v, 'yjs:value', visit);
    }
  }
  // Also the bytes as text: an encoding the decoder above skipped must not hide a number.
  visit('bytes', Buffer.from(bytes).toString('utf8'));
}

/**
 * Every document's snapshot and updates merged, and for each shared type the text its items
 * spell together (a number typed one digit per keystroke is one string here).
 */
async function materialisedDocs(db: Db): Promise<Map<string, Array<[string, string]>>> {
  const out = new Map<string, Array<[string, string]>>();
  const docs = new Map<string, Uint8Array[]>();
  for (const s of await rows<{ doc: string; state: Uint8Array }>(db, `select doc_name as "doc", state from yjs_snapshots`)) {
    docs.set(s.doc, [new Uint8Array(s.state)]);
  }
  for (const u of await rows<{ doc: string; update: Uint8Array }>(db, `select doc_name as "doc", "update" from yjs_updates order by id`)) {
    docs.set(u.doc, [...(docs.get(u.doc) ?? []), new Uint8Array(u.update)]);
  }
  for (const [name, updates] of docs) {
    const doc = new Y.Doc({ gc: false });
    const texts: Array<[string, string]> = [];
    try {
      for (const update of updates) Y.applyUpdate(doc, update);
      for (const [root, type] of doc.share) collectType(type, `yjs:${root}`, texts);
    } catch (err) {
      texts.push(['yjs:undecodable', String(err)]);
    }
    doc.destroy();
    out.set(name, texts);
  }
  return out;
}

/** Walks a shared type without knowing its kind: its sequence of items, then its map entries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types by their event type
function collectType(type: Y.AbstractType<any>, path: string, out: Array<[string, string]>): void {
  let run = '';
  for (let item = type._start; item !== null; item = item.right) {
    const content = item.content;
    if (content instanceof Y.ContentString) {
      run += content.str;
      continue;
    }
    if (content instanceof Y.ContentType) collectType(content.type, `${path}[]`, out);
    else if (!(content instanceof Y.ContentFormat) && !(content instanceof Y.ContentDeleted)) {
      for (const v of content.getContent() as unknown[]) if (typeof v === 'string') run += v;
    }
  }
  if (run) out.push([path, run]);
  for (const [key, item] of type._map) {
    out.push([`${path}{key}`, key]);
    const content = item.content;
    if (content instanceof Y.ContentType) collectType(content.type, `${path}.${key}`, out);
    else if (content instanceof Y.ContentString) out.push([`${path}.${key}`, content.str]);
    else if (!(content instanceof Y.ContentDeleted)) {
      for (const v of content.getContent() as unknown[]) walkJson(v, `${path}.${key}`, (where, text) => out.push([where, text]));
    }
  }
}

export type { PersonalDataKind };
