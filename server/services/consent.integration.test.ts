import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consentAcceptances, consentVersions, participants } from '@/db/schema';
import * as schema from '@/db/schema';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { currentConsent } from './consent-service';

type Harness = ReturnType<typeof serverHarness>;
const project = (consentText: string) => ({ name: 'Samtykke', description: '', ethicsReference: '', consentText });

describe.each(harnessDrivers())('consent to take part (%s)', (driver) => {
  let h: Harness;
  beforeEach(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('keeps a new version for each new text, none for the same text', async () => {
    const { user } = await h.facilitator();
    const { projects } = h.server.services;
    const created = await projects.create(user.id, project('Vi lagrer svarene dine anonymt.'));
    if (!created.ok) throw new Error(created.error.code);
    const id = created.data.id;
    const save = async (text: string) => expect((await projects.update(user.id, id, project(text))).ok).toBe(true);
    const versions = () => projects.consentHistory(user.id, id);
    expect(await projects.currentConsent(id)).toMatchObject({ version: 1, text: 'Vi lagrer svarene dine anonymt.' });

    await save('Vi lagrer svarene dine anonymt.');
    expect(await versions()).toMatchObject({ data: [{ version: 1 }] });
    await save('Vi lagrer svarene dine anonymt i to år.');
    expect(await projects.currentConsent(id)).toMatchObject({ version: 2, text: 'Vi lagrer svarene dine anonymt i to år.' });
    // A cleared text asks for nothing, and setting it back does not make a version of its own.
    await save('');
    expect(await projects.currentConsent(id)).toBeNull();
    await save('Vi lagrer svarene dine anonymt i to år.');
    expect(await projects.currentConsent(id)).toMatchObject({ version: 2 });
    await save('Vi lagrer svarene dine anonymt.');
    expect(await projects.currentConsent(id)).toMatchObject({ version: 3 });
    const history = await projects.consentHistory(user.id, id);
    expect(history.ok && history.data.map((v) => [v.version, v.accepted])).toEqual([[3, 0], [2, 0], [1, 0]]);

    const stored = await h.server.services.database.db.select().from(consentVersions).where(eq(consentVersions.projectId, id));
    expect(stored.map((v) => [v.version, v.text, v.createdBy])).toEqual(expect.arrayContaining([[1, 'Vi lagrer svarene dine anonymt.', user.id], [2, 'Vi lagrer svarene dine anonymt i to år.', user.id]]));
  });

  it('refuses a join without the current version accepted, and stores the acceptance', async () => {
    const { user } = await h.facilitator();
    const { projects, live, database } = h.server.services;
    const created = await projects.create(user.id, project('Første tekst'));
    if (!created.ok) throw new Error(created.error.code);
    await projects.update(user.id, created.data.id, project('Andre tekst'));
    const opened = await live.open(user.id, created.data.id, { title: 'Økt' });
    if (!opened.ok) throw new Error(opened.error.code);
    const code = opened.data.code;

    for (const consent of [null, 1, 3]) {
      const refused = await h.joinHttp(code, null, '', consent);
      expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'CONSENT_REQUIRED', fields: { consent: 'CONSENT_REQUIRED' } } } });
    }
    expect(await database.db.select().from(participants).where(eq(participants.sessionId, opened.data.id))).toEqual([]);

    const joined = await h.joinHttp(code, null, '', 2);
    expect(joined.body).toMatchObject({ ok: true });
    const participantId = joined.body.ok ? joined.body.data.participantId : '';
    const [acceptance] = await database.db
      .select({ version: consentVersions.version, text: consentVersions.text, acceptedAt: consentAcceptances.acceptedAt })
      .from(consentAcceptances)
      .innerJoin(consentVersions, eq(consentVersions.id, consentAcceptances.consentVersionId))
      .where(eq(consentAcceptances.participantId, participantId));
    expect(acceptance).toMatchObject({ version: 2, text: 'Andre tekst' });
    expect(acceptance!.acceptedAt).toBeInstanceOf(Date);
    const history = await projects.consentHistory(user.id, created.data.id);
    expect(history.ok && history.data.map((v) => [v.version, v.accepted])).toEqual([[2, 1], [1, 0]]);

    // Someone already in (their cookie) comes back without being asked again.
    expect((await h.joinHttp(code, null, joined.cookie, null)).body).toMatchObject({ ok: true, data: { participantId } });
  });

  it('asks nothing where the project has no consent text', async () => {
    const { user } = await h.facilitator();
    const created = await h.server.services.projects.create(user.id, project(''));
    if (!created.ok) throw new Error(created.error.code);
    const opened = await h.server.services.live.open(user.id, created.data.id, { title: 'Økt' });
    if (!opened.ok) throw new Error(opened.error.code);
    expect((await h.joinHttp(opened.data.code, null, '', null)).body).toMatchObject({ ok: true });
    expect(await h.server.services.database.db.select().from(consentAcceptances)).toEqual([]);
    expect(await h.server.services.database.db.select().from(consentVersions).where(eq(consentVersions.projectId, created.data.id))).toEqual([]);
  });
});

describe('the consent migration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verksted-migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("makes an existing project's consent text its version 1", async () => {
    const full = path.join(process.cwd(), 'db/migrations');
    // The migrations as they were before consent versions: the journal without 0009 and later.
    cpSync(full, dir, { recursive: true });
    const journalPath = path.join(dir, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith('_consent_versions'));
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));

    const client = new PGlite();
    const db = drizzle({ client, schema, casing: 'snake_case' });
    try {
      await migrate(db, { migrationsFolder: dir });
      await client.query(`insert into projects (name, consent_text) values ('Med tekst', 'Frivillig og anonymt'), ('Uten tekst', '')`);
      await migrate(db, { migrationsFolder: full });
      const rows = await client.query<{ name: string; version: number; text: string }>(
        'select p.name, v.version, v.text from consent_versions v join projects p on p.id = v.project_id',
      );
      expect(rows.rows).toEqual([{ name: 'Med tekst', version: 1, text: 'Frivillig og anonymt' }]);
      const [withText] = (await client.query<{ id: string }>(`select id from projects where name = 'Med tekst'`)).rows;
      expect(await currentConsent(db as never, withText!.id)).toMatchObject({ version: 1, text: 'Frivillig og anonymt' });
    } finally {
      await client.close();
    }
  });
});
