import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { fail, ok } from '@/lib/errors';
import { CODE_MISS_BUDGET, joinCodeFromRandom } from '@/lib/join-code';
import { createVerkstedServer, type VerkstedServer } from '@/server/app';
import { createLogger } from '@/server/logger';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { createServices, type Services } from './index';
import { createLimitsService, limitBudgets } from './limits-service';

const unknownCode = () => joinCodeFromRandom((n) => crypto.getRandomValues(new Uint8Array(n)));
const ingrid = { name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' };

for (const driver of testDatabases()) {
  describe(`rate limits stored on ${driver.name}`, () => {
    let database: Database;
    let url: string | null;
    let drop: () => Promise<void>;
    let services: Services;
    const extra: Database[] = [];

    beforeEach(async () => {
      ({ database, url, drop } = await driver.open());
      services = createServices(database, testConfig({ seedDemo: false }), createLogger('silent'));
    });
    afterEach(async () => {
      for (const d of extra.splice(0)) await d.close();
      await drop();
    });

    /** Another server process's view of the same database: on PostgreSQL its own connection pool. */
    async function secondConnection(): Promise<Database> {
      if (!url) return database;
      const other = await openDatabase({ databaseUrl: url, pgliteDir: null });
      extra.push(other);
      return other;
    }

    it('keeps the count in the database, so two limiter instances share one budget', async () => {
      const a = createLimitsService(database.db);
      const b = createLimitsService((await secondConnection()).db);
      const half = CODE_MISS_BUDGET.points / 2;
      for (let i = 0; i < half; i++) expect(await a.take('codeMissesPerAddress', '10.0.0.9')).toBe(true);
      for (let i = 0; i < half; i++) expect(await b.take('codeMissesPerAddress', '10.0.0.9')).toBe(true);
      expect(await a.take('codeMissesPerAddress', '10.0.0.9')).toBe(false);
      expect(await b.take('codeMissesPerAddress', '10.0.0.9')).toBe(false);
      expect(await a.take('codeMissesPerAddress', '10.0.0.10')).toBe(true);
      const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, 'codeMissesPerAddress:10.0.0.9'));
      expect(row?.points).toBeGreaterThanOrEqual(CODE_MISS_BUDGET.points);
      expect(row!.expire!.getTime()).toBeGreaterThan(Date.now());
    });

    it('sweeps the rows of windows that ended over an hour ago, and only those', async () => {
      const limits = createLimitsService(database.db);
      for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) expect(await limits.take('codeMissesPerAddress', ip)).toBe(true);
      const now = Date.now();
      const at = (msAgo: number) => new Date(now - msAgo);
      await database.db.update(rateLimits).set({ expire: at(61 * 60_000) }).where(eq(rateLimits.key, 'codeMissesPerAddress:10.1.0.1'));
      await database.db.update(rateLimits).set({ expire: at(59 * 60_000) }).where(eq(rateLimits.key, 'codeMissesPerAddress:10.1.0.2'));
      expect(await limits.sweepExpired(now)).toBe(1);
      const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).sort();
      expect(keys).toEqual(['codeMissesPerAddress:10.1.0.2', 'codeMissesPerAddress:10.1.0.3']);
    });

    it('charges only failures, and a burst of parallel failures cannot pass the budget', async () => {
      const limits = createLimitsService(database.db);
      let successes = 0;
      for (let i = 0; i < 2 * CODE_MISS_BUDGET.points; i++) {
        const r = await limits.attempt([['codeMissesPerAddress', '10.0.1.1']], async () => ok(++successes));
        expect(r.ok).toBe(true);
      }
      let ran = 0;
      const burst = await Promise.all(
        Array.from({ length: 3 * CODE_MISS_BUDGET.points }, () =>
          limits.attempt([['codeMissesPerAddress', '10.0.1.1']], async () => (ran++, fail('NOT_FOUND', 'miss'))),
        ),
      );
      expect(ran).toBe(CODE_MISS_BUDGET.points);
      expect(burst.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toHaveLength(2 * CODE_MISS_BUDGET.points);
    });

    it('does not count successful sign-ins against the address, only failures', { timeout: 240_000 }, async () => {
      const created = await services.setupFirstAccount(ingrid);
      expect(created.ok).toBe(true);
      const office = '192.0.2.7';
      const budget = limitBudgets.signInFailuresPerAddress.points;
      for (let i = 0; i < budget + 2; i++) {
        expect(await services.auth.signIn({ email: ingrid.email, password: ingrid.password }, office), `sign-in ${i}`).toMatchObject({ ok: true });
      }
      const spent = async () => (await database.db.select().from(rateLimits).where(eq(rateLimits.key, `signInFailuresPerAddress:${office}`)))[0]?.points ?? 0;
      expect(await spent()).toBeLessThanOrEqual(0);
      // Failures from colleagues' typos do count: one unknown account each, so the per-account limit is not what stops them.
      for (let i = 0; i < budget; i++) {
        expect(await services.auth.signIn({ email: `x${i}@nav.example`, password: 'feil' }, office)).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
      }
      expect(await services.auth.signIn({ email: ingrid.email, password: ingrid.password }, office)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      // Another address has its own budget.
      expect(await services.auth.signIn({ email: ingrid.email, password: ingrid.password }, '192.0.2.8')).toMatchObject({ ok: true });
    });

    it('lets a room of phones behind one address look up the right code at once, and lets the next one in too', async () => {
      const created = await services.setupFirstAccount(ingrid);
      if (!created.ok) throw new Error(created.error.code);
      const project = await services.projects.create(created.data.user.id, { name: 'Verksted' });
      if (!project.ok) throw new Error(project.error.code);
      const session = await services.live.open(created.data.user.id, project.data.id, { title: 'Økt' });
      if (!session.ok) throw new Error(session.error.code);
      const school = '198.51.100.4';
      const room = 4 * CODE_MISS_BUDGET.points;
      const lookups = await Promise.all(Array.from({ length: room }, () => services.codes.find(session.data.code, school)));
      expect(lookups.filter((r) => r.ok)).toHaveLength(room);
      expect(await services.codes.find(session.data.code, school)).toMatchObject({ ok: true });
      // Nothing was charged, so the address still has its whole miss budget for typos.
      for (let i = 0; i < CODE_MISS_BUDGET.points; i++) expect(await services.codes.find(unknownCode(), school)).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(await services.codes.find(unknownCode(), school)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      // Spent by misses means spent, also for the right code.
      expect(await services.codes.find(session.data.code, school)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    });

    it('keeps the miss budget exact when right and wrong codes arrive together in a burst', async () => {
      const limits = createLimitsService(database.db);
      let misses = 0;
      let hits = 0;
      const burst = await Promise.all(
        Array.from({ length: 6 * CODE_MISS_BUDGET.points }, (_, i) =>
          limits.attempt([['codeMissesPerAddress', '10.0.2.2']], async () => (i % 2 === 0 ? (hits++, ok(i)) : (misses++, fail('NOT_FOUND', 'miss')))),
        ),
      );
      expect(misses).toBe(CODE_MISS_BUDGET.points);
      expect(burst.filter((r) => r.ok)).toHaveLength(hits);
      expect(await limits.attempt([['codeMissesPerAddress', '10.0.2.2']], async () => ok(1))).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    });

    it('does not lock an office when more colleagues than the failure budget sign in at the same moment', { timeout: 240_000 }, async () => {
      const created = await services.setupFirstAccount(ingrid);
      expect(created.ok).toBe(true);
      const office = '192.0.2.77';
      const crowd = limitBudgets.signInFailuresPerAddress.points + 10;
      const signIns = await Promise.all(Array.from({ length: crowd }, () => services.auth.signIn({ email: ingrid.email, password: ingrid.password }, office)));
      expect(signIns.filter((r) => r.ok)).toHaveLength(crowd);
      expect(await services.auth.signIn({ email: ingrid.email, password: ingrid.password }, office)).toMatchObject({ ok: true });
    });

    // Two servers can share only a database server: PGlite's folder belongs to one process.
    if (driver.name === 'postgres') it('holds the join-code guessing limit across two servers sharing the database', async () => {
      const servers: VerkstedServer[] = [];
      const dirs: string[] = [];
      try {
        for (let i = 0; i < 2; i++) {
          const dataDir = mkdtempSync(path.join(tmpdir(), 'verksted-limits-'));
          dirs.push(dataDir);
          servers.push(await createVerkstedServer({ config: testConfig({ port: 0, host: '127.0.0.1', databaseUrl: url, dataDir, seedDemo: false }), withNext: false, pgliteDir: null }));
        }
        const guess = async (server: VerkstedServer) => {
          const origin = `http://127.0.0.1:${server.port}`;
          const res = await fetch(`${origin}/api/sessions/join`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin },
            body: JSON.stringify({ code: unknownCode() }),
          });
          return res.status;
        };
        for (let i = 0; i < CODE_MISS_BUDGET.points; i++) expect(await guess(servers[i % 2]!)).toBe(404);
        expect(await guess(servers[0]!)).toBe(429);
        expect(await guess(servers[1]!)).toBe(429);
      } finally {
        for (const s of servers) await s.close();
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      }
    });
  });
}
