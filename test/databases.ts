import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@/db/client';
import { pgliteTemplateTarball, postgresTemplate } from './templates';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database; `url` is set for PostgreSQL so a server can be pointed at it. */
  open(): Promise<{ database: Database; url: string | null; drop(): Promise<void> }>;
}

/**
 * The drivers every database test runs on: embedded PGlite always, and a real PostgreSQL when
 * TEST_DATABASE_URL is set (CI starts one). Each test gets its own throw-away database, cloned
 * from the run's migrated template when there is one (test/templates.ts).
 */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'pglite',
      async open() {
        const template = pgliteTemplateTarball();
        const database = await openDatabase({ pgliteDir: null, ...(template ? { pgliteLoadDataDir: template } : {}) });
        return { database, url: null, drop: () => database.close() };
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    list.push({
      name: 'postgres',
      async open() {
        const url = await createScratchDatabase(adminUrl);
        const database = await openDatabase({ databaseUrl: url.href, pgliteDir: null });
        return {
          database,
          url: url.href,
          async drop() {
            await database.close();
            await dropScratchDatabase(adminUrl, url);
          },
        };
      },
    });
  }
  return list;
}

/** A new database on the server of `adminUrl`: a copy of `template` (default: the run's migrated one), else empty. */
export async function createScratchDatabase(adminUrl: string, template: string | null = postgresTemplate()): Promise<URL> {
  const name = `verksted_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url;
}

export async function dropScratchDatabase(adminUrl: string, url: URL): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // pg's Pool.end() resolves before its connections have closed; dropping "with (force)" then
    // kills them mid-goodbye and the pool's client throws an uncaught error. Wait for them first.
    const name = url.pathname.slice(1);
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if ((rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
