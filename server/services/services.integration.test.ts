import { count, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, findings, liveSessions, participants, statements, users, yjsSnapshots, yjsUpdates } from '@/db/schema';
import { testDatabases } from '../../test/databases';
import { createYjsPersistence } from '../realtime/yjs-persistence';
import type { Services } from './index';
import { openServices } from '../../test/services';
import { createAccessChanges } from './access-changes';
import { createAuditService } from './audit-service';
import { createAuthService } from './auth-service';
import { createLimitsService } from './limits-service';
import { createPasswordHasher, type PasswordHasher } from './password-hasher';
import { testConfig } from '../../test/config';

const config = testConfig();
const ingrid = { name: 'Ingrid', email: 'Ingrid@Nav.example', password: 'et-godt-passord' };
const per = { name: 'Per', email: 'per@nav.example', password: 'et-annet-passord' };

for (const driver of testDatabases()) {
  describe(`services on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, config));
    });
    afterEach(() => drop());

    async function firstUser() {
      const result = await services.setupFirstAccount(ingrid);
      if (!result.ok) throw new Error(result.error.code);
      return result.data.user;
    }

    it('creates the first account once, with the demo project', async () => {
      expect(await services.auth.needsSetup()).toBe(true);
      const user = await firstUser();
      expect(user.email).toBe('ingrid@nav.example');
      expect(await services.auth.needsSetup()).toBe(false);
      const again = await services.setupFirstAccount(per);
      expect(again).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });

      const [project] = await services.projects.listForUser(user.id);
      expect(project?.name).toBe('Arbeid først – understøttet av pålitelig forvaltning');
      const detail = await services.projects.get(user.id, project!.id);
      if (!detail.ok) throw new Error('demo project missing');
      expect(detail.data.phases).toHaveLength(2);
      expect(detail.data.findings).toHaveLength(6);
      expect(detail.data.statementSets[0]?.count).toBe(36);
      const codes = await database.db.select({ code: statements.code }).from(statements);
      expect(codes.map((c) => c.code).sort((a, b) => a - b)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    });

    it('makes racing setups produce one account', async () => {
      const racers = Array.from({ length: 6 }, (_, i) => ({ ...per, email: `per${i}@nav.example` }));
      const results = await Promise.all([ingrid, ...racers].map((account) => services.setupFirstAccount(account)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(Array(6).fill('SETUP_DONE'));
      expect(await database.db.select({ n: count() }).from(users)).toEqual([{ n: 1 }]);
    });

    it('makes one account when racing setups reach the database at the same moment', async () => {
      // Hashing times differ, which usually spaces the racers out; here every hash resolves
      // together, so all transactions check for an existing user at once.
      const racers = 6;
      const real = createPasswordHasher(true);
      let arrived = 0;
      let release!: () => void;
      const together = new Promise<void>((resolve) => (release = resolve));
      const barrier: PasswordHasher = {
        ...real,
        async hash(password) {
          const hash = await real.hash(password);
          if (++arrived === racers) release();
          await together;
          return hash;
        },
      };
      const auth = createAuthService(database.db, createAuditService(database.db, () => {}), createLimitsService(database.db), createAccessChanges(() => {}), barrier);
      // Open as many pool connections as there are racers first, or opening them spaces the racers out.
      await Promise.all(Array.from({ length: racers }, () => database.db.execute(sql`select pg_sleep(0.05)`)));
      const results = await Promise.all(Array.from({ length: racers }, (_, i) => auth.setup({ ...per, email: `per${i}@nav.example` })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await database.db.select({ n: count() }).from(users)).toEqual([{ n: 1 }]);
    });

    it('rejects a bad registration with field codes and stores nothing', async () => {
      const result = await services.setupFirstAccount({ name: '', email: 'not-an-email', password: 'short' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: { name: 'REQUIRED', email: 'EMAIL_INVALID', password: 'PASSWORD_TOO_SHORT' } },
      });
      expect(await services.auth.needsSetup()).toBe(true);
    });

    it('signs in with argon2id, case-insensitively, and throttles guessing', async () => {
      await firstUser();
      const signedIn = await services.auth.signIn({ email: 'INGRID@nav.example', password: ingrid.password }, '10.0.0.1');
      if (!signedIn.ok) throw new Error(signedIn.error.code);
      expect(await services.auth.userForToken(signedIn.data.token)).toMatchObject({ name: 'Ingrid' });
      const [row] = await database.db.select({ hash: users.passwordHash }).from(users);
      expect(row?.hash).toMatch(/^\$argon2id\$/);

      for (let i = 0; i < 5; i++) {
        expect(await services.auth.signIn({ email: ingrid.email, password: 'wrong-password' }, '10.0.0.2')).toMatchObject({
          ok: false,
          error: { code: 'INVALID_CREDENTIALS' },
        });
      }
      // Even the right password is refused once the account is throttled from that address.
      expect(await services.auth.signIn({ email: ingrid.email, password: ingrid.password }, '10.0.0.2')).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
      await services.auth.signOut(signedIn.data.token);
      expect(await services.auth.userForToken(signedIn.data.token)).toBeNull();
    });

    it('registers by a one-time invitation into the project', async () => {
      const owner = await firstUser();
      const [project] = await services.projects.listForUser(owner.id);
      const { token } = await services.auth.createInvitation(owner.id, project!.id);
      expect(await services.auth.invitationIsValid(token)).toBe(true);
      expect(await services.auth.registerWithInvitation(token, { ...per, email: ingrid.email })).toMatchObject({
        ok: false,
        error: { code: 'EMAIL_TAKEN' },
      });
      // A refused registration does not use the invitation up.
      expect(await services.auth.invitationIsValid(token)).toBe(true);
      const registered = await services.auth.registerWithInvitation(token, per);
      if (!registered.ok) throw new Error(registered.error.code);
      expect(await services.projects.roleOf(project!.id, registered.data.user.id)).toBe('facilitator');
      expect(await services.auth.registerWithInvitation(token, { ...per, email: 'x@nav.example' })).toMatchObject({
        ok: false,
        error: { code: 'INVITATION_INVALID' },
      });
    });

    it('lets members edit projects and phases, and only owners archive', async () => {
      const owner = await firstUser();
      const created = await services.projects.create(owner.id, { name: 'Prosjekt', description: 'x' });
      if (!created.ok) throw new Error(created.error.code);
      const projectId = created.data.id;
      const { token } = await services.auth.createInvitation(owner.id, projectId);
      const member = await services.auth.registerWithInvitation(token, per);
      if (!member.ok) throw new Error(member.error.code);
      const memberId = member.data.user.id;

      expect(await services.projects.update(memberId, projectId, { name: 'Nytt navn' })).toMatchObject({ ok: true });
      expect(await services.projects.update(memberId, projectId, { name: '' })).toMatchObject({
        ok: false,
        error: { fields: { name: 'REQUIRED' } },
      });
      expect(await services.projects.setArchived(memberId, projectId, true)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await services.projects.setArchived(owner.id, projectId, true)).toMatchObject({ ok: true });

      const a = await services.projects.addPhase(memberId, projectId, { name: 'A', startsOn: '2026-01-01', endsOn: '2026-02-01' });
      const b = await services.projects.addPhase(memberId, projectId, { name: 'B' });
      expect(await services.projects.addPhase(memberId, projectId, { name: 'C', startsOn: '2026-03-01', endsOn: '2026-02-01' })).toMatchObject({
        ok: false,
        error: { fields: { endsOn: 'DATE_ORDER' } },
      });
      if (!a.ok || !b.ok) throw new Error('phase');
      await services.projects.movePhase(memberId, projectId, b.data.id, -1);
      const detail = await services.projects.get(memberId, projectId);
      expect(detail.ok && detail.data.phases.map((p) => p.name)).toEqual(['B', 'A']);

      const outsider = await services.projects.get(owner.id, '00000000-0000-4000-8000-000000000000');
      expect(outsider).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.projects.removeMember(owner.id, projectId, owner.id)).toMatchObject({ ok: false, error: { code: 'LAST_OWNER' } });
      expect(await services.projects.removeMember(owner.id, projectId, memberId)).toMatchObject({ ok: true });
      expect(await services.projects.get(memberId, projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const [audits] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.projectId, projectId));
      expect(audits?.n).toBeGreaterThanOrEqual(4);
    });

    it('opens live sessions with distinct codes, joins and recognises participants', async () => {
      const owner = await firstUser();
      const [project] = await services.projects.listForUser(owner.id);
      const sessions = await Promise.all(Array.from({ length: 20 }, (_, i) => services.live.open(owner.id, project!.id, { title: `Økt ${i}` })));
      const codes = sessions.map((s) => (s.ok ? s.data.code : ''));
      expect(new Set(codes).size).toBe(20);
      const session = sessions[0]!.ok ? sessions[0]!.data : null;
      if (!session) throw new Error('no session');

      const consent = (await services.projects.currentConsent(project!.id))?.version ?? null;
      const joined = await services.live.join(session.code, 'Kari', undefined, {}, consent);
      if (!joined.ok || !joined.data.token) throw new Error('join failed');
      const again = await services.live.join(session.code, null, joined.data.token);
      expect(again.ok && again.data.participant.id).toBe(joined.data.participant.id);
      expect(again.ok && again.data.token).toBeNull();
      // A token from another session does not make you that session's participant.
      const other = sessions[1]!.ok ? sessions[1]!.data : null;
      const elsewhere = await services.live.join(other!.code, null, joined.data.token, {}, consent);
      expect(elsewhere.ok && elsewhere.data.participant.id).not.toBe(joined.data.participant.id);

      expect(await services.live.join('ZZZZZZ', null, undefined)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.live.join(session.code, 'x'.repeat(61), undefined)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      const [stored] = await database.db.select().from(participants).where(eq(participants.id, joined.data.participant.id));
      expect(stored?.tokenHash).not.toContain(joined.data.token);
    });

    it('commits commands with growing versions, refuses the wrong actors, and closes joining', async () => {
      const owner = await firstUser();
      const [project] = await services.projects.listForUser(owner.id);
      const opened = await services.live.open(owner.id, project!.id, { title: 'Økt' });
      if (!opened.ok) throw new Error('open');
      const id = opened.data.id;
      const facilitator = { kind: 'facilitator' as const, userId: owner.id };
      const seen: number[] = [];
      services.live.onChange((s) => seen.push(s.version));

      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => services.live.command(id, { type: 'setMessage', message: `m${i}` }, facilitator)),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(seen.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);

      expect(await services.live.command(id, { type: 'end' }, { kind: 'participant', participantId: 'p' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const stranger = await services.auth.registerWithInvitation((await services.auth.createInvitation(owner.id, null)).token, per);
      if (!stranger.ok) throw new Error('stranger');
      expect(await services.live.command(id, { type: 'end' }, { kind: 'facilitator', userId: stranger.data.user.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });

      await services.live.command(id, { type: 'setJoinOpen', open: false }, facilitator);
      expect(await services.live.join(opened.data.code, null, undefined)).toMatchObject({ ok: false, error: { code: 'JOIN_CLOSED' } });
      const ended = await services.live.command(id, { type: 'end' }, facilitator);
      expect(ended).toMatchObject({ ok: true, data: { status: 'ended', version: 11 } });
      const [row] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, id));
      expect(row?.endedAt).toBeInstanceOf(Date);
      expect(await services.live.openByCode(opened.data.code)).toBeNull();
    });

    it('stores Yjs updates, compacts them into a snapshot and loads the same document back', async () => {
      const persistence = createYjsPersistence(database.db);
      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 30; i++) source.getText('t').insert(0, `${i};`);
      let lastId = 0;
      for (const u of updates) {
        const appended = await persistence.append('doc-a', u);
        if (!appended.ok) throw new Error(appended.code);
        lastId = appended.id;
      }

      const loaded = await persistence.fetch('doc-a');
      expect(loaded.pendingUpdates).toBe(30);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, loaded.state!);
      expect(copy.getText('t').toString()).toBe(source.getText('t').toString());

      await persistence.compact('doc-a');
      copy.getText('t').insert(0, 'after;');
      await persistence.append('doc-a', Y.encodeStateAsUpdate(copy, Y.encodeStateVector(source)));
      const [left] = await database.db.select({ n: count() }).from(yjsUpdates).where(eq(yjsUpdates.docName, 'doc-a'));
      expect(left?.n).toBe(1);
      const [snap] = await database.db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, 'doc-a'));
      expect(snap?.lastUpdateId).toBe(lastId);

      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, (await persistence.fetch('doc-a')).state!);
      expect(reloaded.getText('t').toString()).toBe(copy.getText('t').toString());
      expect((await persistence.fetch('nothing-here')).state).toBeNull();
    });

    it('keeps finding quotes as JSON arrays', async () => {
      await firstUser();
      const rows = await database.db.select({ quotes: findings.quotes }).from(findings);
      expect(rows.every((r) => Array.isArray(r.quotes) && r.quotes.length > 0)).toBe(true);
    });
  });
}
