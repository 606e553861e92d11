import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems, findings, liveSessions, participants, projectMembers, users, workshopActivities, yjsSnapshots } from '@/db/schema';
import { boardDocName, notesOf } from '@/lib/workshop/board';
import type { BackupContent } from '@/lib/backup/format';
import { remapJson, UUID_EXACT } from '@/lib/backup/remap';
import type { Services } from '@/server/services';
import { testDatabases } from '../../../test/databases';
import { fillProject, type FilledProject } from '../../../test/project-fixture';
import { openServices } from '../../../test/services';
import { census } from '../../../test/table-census';
import { collectBackup, digestOf } from './export-backup';
import { backupTables } from './table-plan';

type Opened = Awaited<ReturnType<typeof openServices>>;
type Row = Record<string, unknown>;

/** When the backup was made: a session still open then arrives ended at this time. */
const madeAt = new Date();

/** Columns a restore sets afresh on purpose (docs/backup.md), left out of the comparison. */
/** Columns a restore writes anew: references to accounts (cleared, they stay behind) and a few of its own. */
const renewed: Record<string, string[]> = Object.fromEntries(
  backupTables.map((table) => [
    table.name,
    [...table.foreignKeys.filter((fk) => fk.table === 'users').map((fk) => fk.column), ...({ projects: ['updatedAt'], participants: ['tokenHash'] } as Record<string, string[]>)[table.name] ?? []],
  ]),
);

async function account(services: Services, email: string): Promise<string> {
  const [user] = await services.database.db.insert(users).values({ email, name: email.split('@')[0]! }).returning({ id: users.id });
  return user!.id;
}

/** Every uuid-shaped string in a JSON value, at any depth. */
function uuidsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) out.add(m[0]);
  else if (Array.isArray(value)) value.forEach((v) => uuidsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      uuidsIn(k, out);
      uuidsIn(v, out);
    }
  }
  return out;
}

/**
 * Pairs the source's rows with the restored ones table by table (parents first) without asking
 * the restore how it mapped: a row's own ids are masked, ids already paired are translated, and
 * both sides sorted the same way must then be equal row for row. Returns the ids so paired.
 */
function pairRows(source: BackupContent, restored: BackupContent): Map<string, string> {
  const ids = new Map<string, string>();
  const targets = () => new Set(ids.values());
  const mask = (row: Row, table: string, side: 'source' | 'restored') => {
    const kept = Object.fromEntries(Object.entries(row).filter(([k]) => !(renewed[table] ?? []).includes(k)));
    const known = side === 'restored' ? targets() : null;
    const masked = JSON.stringify(kept).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) =>
      side === 'source' ? (ids.get(id) ?? '?') : known!.has(id) ? id : '?',
    );
    return masked;
  };
  for (const table of backupTables) {
    const a = (source.tables[table.name] ?? []).map((row) => ({ row, key: mask(row, table.name, 'source') })).sort((x, y) => x.key.localeCompare(y.key));
    const b = (restored.tables[table.name] ?? []).map((row) => ({ row, key: mask(row, table.name, 'restored') })).sort((x, y) => x.key.localeCompare(y.key));
    expect(b.map((r) => r.key), table.name).toEqual(a.map((r) => r.key));
    a.forEach(({ row }, i) => {
      for (const column of table.idColumns) {
        const from = String(row[column]);
        const to = String(b[i]!.row[column]);
        if (ids.has(from)) expect(ids.get(from), `${table.name}.${column}`).toBe(to);
        ids.set(from, to);
      }
    });
  }
  return ids;
}

/** A document's readable contents: a board's notes, any other document's shared text. */
function docContents(name: string, state: string): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  return name.includes('.board.') ? notesOf(doc).toJSON() : doc.getText('notes').toString();
}

const unpack = (body: Uint8Array) => JSON.parse(gunzipSync(body).toString('utf8')) as { version: number; digest: string; content: BackupContent; [k: string]: unknown };
/** A file written as the export writes it, with its digest made to fit the content. */
const pack = (file: { content: BackupContent; [k: string]: unknown }) => gzipSync(JSON.stringify({ ...file, digest: digestOf(JSON.stringify(file.content)) }));

describe.each(testDatabases())('backup and restore on %s', (driver) => {
  let from: Opened;
  let to: Opened;
  let owner: string;
  let uploader: string;
  let filled: FilledProject;
  let boardName: string;
  let file: Uint8Array;

  beforeAll(async () => {
    [from, to] = await Promise.all([openServices(driver), openServices(driver)]);
    owner = await account(from.services, 'eier@nav.example');
    uploader = await account(to.services, 'mottaker@nav.example');
    filled = await fillProject(from.services, owner, 'A');
    const db = from.services.database.db;
    // What the fixture leaves out: links to an activity and a finding, a hidden item, ids inside a Yjs document.
    const [run] = await db.select().from(liveSessions).where(eq(liveSessions.id, filled.sessionIds[0]!));
    const [activity] = await db.select().from(workshopActivities).where(eq(workshopActivities.workshopId, filled.workshopId));
    const [finding] = await db.select().from(findings).where(eq(findings.projectId, filled.projectId));
    const [participant] = await db.select().from(participants).where(eq(participants.sessionId, run!.id));
    await db.insert(feedbackItems).values([
      { projectId: filled.projectId, workshopId: filled.workshopId, sessionId: run!.id, activityId: activity!.id, findingId: finding!.id, kind: 'finding_response', authorKind: 'anonymous', participantId: participant!.id, response: 'nyanserer', text: 'Stemmer delvis', data: { findingId: finding!.id } },
      { projectId: filled.projectId, sessionId: run!.id, activityId: activity!.id, kind: 'note', authorKind: 'group', groupName: 'Gruppe 1', text: 'Skjult lapp', hiddenAt: new Date() },
    ]);
    // The Q-sort and the meeting ended (as other tests end them); the workshop run is still open when the backup is made.
    await db.update(liveSessions).set({ status: 'ended', endedAt: new Date() }).where(inArray(liveSessions.id, filled.sessionIds.slice(1)));
    const board = new Y.Doc();
    const note = new Y.Map<unknown>();
    note.set('id', 'n1');
    note.set('text', 'Lapp om funnet');
    note.set('findingId', finding!.id);
    notesOf(board).push([note]);
    boardName = boardDocName(run!.id, activity!.id, 'g1');
    const appended = await from.services.yjsPersistence.append(boardName, Y.encodeStateAsUpdate(board));
    expect(appended.ok).toBe(true);
    const made = await from.services.backups.backup(owner, filled.projectId, madeAt);
    if (!made.ok) throw new Error(made.error.message);
    file = made.data.body;
  }, 180_000);
  afterAll(async () => {
    await from?.drop();
    await to?.drop();
  });

  it('is for owners only', async () => {
    const stranger = await account(from.services, 'fremmed@nav.example');
    expect(await from.services.backups.backup(stranger, filled.projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await from.services.database.db.insert(projectMembers).values({ projectId: filled.projectId, userId: stranger, role: 'facilitator' });
    expect(await from.services.backups.backup(stranger, filled.projectId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('restores into another database as the same project, row for row, document for document, with new ids', async () => {
    const restored = await to.services.backups.restore(uploader, file);
    if (!restored.ok) throw new Error(`${restored.error.code} ${restored.error.message}`);
    const newId = restored.data.projectId;
    expect(newId).not.toBe(filled.projectId);

    const source = await collectBackup(from.services.database.db, filled.projectId, madeAt);
    const copy = await collectBackup(to.services.database.db, newId, new Date());
    for (const table of backupTables) expect(copy.tables[table.name]?.length, table.name).toBe(source.tables[table.name]?.length);
    expect(source.tables.feedback_items!.length).toBeGreaterThan(5);
    const ids = pairRows(source, copy);
    // No id of the source survives anywhere in the copy.
    const leftover = [...uuidsIn(copy)].filter((id) => ids.has(id));
    expect(leftover).toEqual([]);

    // Yjs documents: renamed, and the same contents with the ids inside them rewritten.
    expect(copy.docs.map((d) => d.name).sort()).toEqual(source.docs.map((d) => remapJson(d.name, ids)).sort());
    expect(source.docs.map((d) => d.name)).toContain(boardName);
    for (const doc of source.docs) {
      const twin = copy.docs.find((d) => d.name === remapJson(doc.name, ids))!;
      expect(docContents(twin.name, twin.state)).toEqual(remapJson(docContents(doc.name, doc.state), ids));
    }
    const board = copy.docs.find((d) => d.name === remapJson(boardName, ids))!;
    const [note] = docContents(board.name, board.state) as { text: string; findingId: string }[];
    expect(note?.text).toBe('Lapp om funnet');
    expect(copy.tables.findings!.map((f) => f.id)).toContain(note?.findingId);

    // The feedback archive reads the same, item for item.
    const before = await from.services.feedbackArchive.entries(owner, filled.projectId);
    const after = await to.services.feedbackArchive.entries(uploader, newId);
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) {
      expect(before.data.length).toBeGreaterThan(0);
      const expected = remapJson(JSON.parse(JSON.stringify(before.data)), ids) as { sessionId: string }[];
      const restoredEntries = JSON.parse(JSON.stringify(after.data)) as { sessionId: string }[];
      // A session that was open in the source arrives ended, so it now has an entry of its own too.
      const wasOpen = (await from.services.database.db.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.projectId, filled.projectId)))
        .map((s) => ids.get(s.id))
        .filter((id) => !expected.some((e) => e.sessionId === id));
      expect(restoredEntries.filter((e) => expected.some((x) => x.sessionId === e.sessionId))).toEqual(expected);
      expect(restoredEntries.filter((e) => !expected.some((x) => x.sessionId === e.sessionId)).map((e) => e.sessionId).sort()).toEqual(
        wasOpen.filter((id) => restoredEntries.some((e) => e.sessionId === id)).sort(),
      );
    }

    // The uploader is the only member; accounts of the source did not travel.
    expect((await to.services.projects.listForUser(uploader)).map((p) => [p.id, p.role])).toEqual([[newId, 'owner']]);
    expect(await to.services.database.db.select({ id: users.id }).from(users)).toHaveLength(1);
    // Nothing of the source's access came along: no usable token, no open session.
    const sessions = await to.services.database.db.select().from(liveSessions).where(eq(liveSessions.projectId, newId));
    expect(sessions.every((s) => s.status === 'ended' && s.archivePending === 0)).toBe(true);
    const runCopy = sessions.find((s) => s.id === ids.get(filled.sessionIds[0]!))!;
    expect(runCopy).toMatchObject({ code: '', endedAt: madeAt });
    expect(sessions.filter((s) => s.id !== runCopy.id).every((s) => s.code !== '')).toBe(true);
    const restoredParticipants = await to.services.database.db.select({ tokenHash: participants.tokenHash }).from(participants).where(inArray(participants.sessionId, sessions.map((s) => s.id)));
    const sourceParticipants = await from.services.database.db.select({ tokenHash: participants.tokenHash }).from(participants).where(inArray(participants.sessionId, filled.sessionIds));
    expect(restoredParticipants).toHaveLength(sourceParticipants.length);
    for (const p of restoredParticipants) expect(sourceParticipants.map((q) => q.tokenHash)).not.toContain(p.tokenHash);
    const [snapshot] = await to.services.database.db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, remapJson(boardName, ids) as string));
    expect(snapshot).toBeDefined();
  });

  it('restores the same file twice as two independent projects', async () => {
    const first = await to.services.backups.restore(uploader, file);
    const second = await to.services.backups.restore(uploader, file);
    if (!first.ok || !second.ok) throw new Error(`restore failed: ${JSON.stringify([first, second])}`);
    const a = await collectBackup(to.services.database.db, first.data.projectId, new Date());
    const b = await collectBackup(to.services.database.db, second.data.projectId, new Date());
    // Only the uploader, who owns both, is in both.
    const shared = [...uuidsIn(a)].filter((id) => uuidsIn(b).has(id) && UUID_EXACT.test(id) && id !== uploader);
    expect(shared).toEqual([]);
    const name = String(a.tables.projects![0]!.name);
    expect(await to.services.deletion.deleteProject(uploader, first.data.projectId, name)).toMatchObject({ ok: true });
    const stillThere = await collectBackup(to.services.database.db, second.data.projectId, new Date());
    expect(stillThere).toEqual(b);
  });

  it('gives members the project as readable JSON without what is hidden, redacted or below the minimum', async () => {
    const readable = await from.services.backups.readable(owner, filled.projectId);
    if (!readable.ok) throw new Error(readable.error.message);
    expect(readable.data.filename).toMatch(/^verksted-prosjekt-a-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(Buffer.from(readable.data.body).toString('utf8'));
    const texts = (json.feedback as { text: string }[]).map((f) => f.text);
    expect(texts).toContain(`Lapp ${filled.marker}`);
    expect(texts).not.toContain('Skjult lapp');
    // One person's response to a finding is below the workshop's minimum of three.
    expect(texts).not.toContain('Stemmer delvis');
    expect(json.withheld).toContainEqual(expect.objectContaining({ kind: 'finding_response', reason: 'below-minimum' }));
    expect(json.findings.some((f: { history: unknown[] }) => f.history.length === 1)).toBe(true);
    const stranger = await account(from.services, 'utenfor@nav.example');
    expect(await from.services.backups.readable(stranger, filled.projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  describe('refuses a file that is not a whole, unaltered backup of this version, and leaves nothing behind', () => {
    const refusals: [string, () => Uint8Array, string][] = [
      ['damaged bytes', () => Uint8Array.from(file, (b, i) => (i === Math.floor(file.length / 2) ? b ^ 0xff : b)), 'BACKUP_INVALID'],
      ['not JSON', () => new TextEncoder().encode('{"format":"verksted-backup",'), 'BACKUP_INVALID'],
      ['another format', () => gzipSync(JSON.stringify({ format: 'something-else', version: 1 })), 'BACKUP_INVALID'],
      ['a newer version', () => pack({ ...unpack(file), version: 2 }), 'BACKUP_VERSION'],
      [
        'an edited text without a new digest',
        () => {
          const f = unpack(file);
          f.content.tables.feedback_items![0]!.text = 'endret';
          return gzipSync(JSON.stringify(f));
        },
        'BACKUP_INVALID',
      ],
      [
        'an unknown column',
        () => {
          const f = unpack(file);
          f.content.tables.phases![0]!.secret = 'x';
          return pack(f);
        },
        'BACKUP_INVALID',
      ],
      [
        'a reference to a row it does not hold',
        () => {
          const f = unpack(file);
          f.content.tables.findings![0]!.phaseId = '00000000-0000-4000-8000-000000000000';
          return pack(f);
        },
        'BACKUP_INVALID',
      ],
      [
        'a personal number in a text',
        () => {
          const f = unpack(file);
          f.content.tables.feedback_items![0]!.text = 'Bruker 15076500565 ringte';
          return pack(f);
        },
        'BACKUP_PERSONAL_DATA',
      ],
      [
        'a row the database refuses after other tables were written',
        () => {
          const f = unpack(file);
          const statements = f.content.tables.statements!;
          statements.push({ ...statements[0]!, text: 'En kopi' });
          return pack(f);
        },
        'BACKUP_INVALID',
      ],
    ];
    it.each(refusals)('%s', async (_what, make, code) => {
      const before = await census(to.services.database.db);
      expect(await to.services.backups.restore(uploader, make())).toMatchObject({ ok: false, error: { code } });
      expect(await census(to.services.database.db)).toEqual(before);
    });
  });
});
