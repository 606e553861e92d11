import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '@/db/client';
import { scratchDir } from './scratch-dir';

/**
 * Migrated template databases, made once per test run (test/global-setup.ts) and cloned by every
 * test that needs a fresh database: starting PGlite runs initdb (seconds on a loaded machine) and
 * migrating a new database costs as much again, while a clone opens in a fraction of that.
 * The names travel to the test workers in the environment; without them (a test run outside
 * Vitest's integration project) every database is made and migrated from scratch as before.
 */
export const PGLITE_TEMPLATE_ENV = 'VERKSTED_TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_ENV = 'VERKSTED_TEST_POSTGRES_TEMPLATE';

const PGLITE_DIR = 'pglite';
const PGLITE_TARBALL = 'pglite.tar';

/** Migrates a PGlite directory and a PostgreSQL database (when TEST_DATABASE_URL is set); returns their teardown. */
export async function createTemplates(env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const root = scratchDir('verksted-template-');
  const database = await openDatabase({ pgliteDir: path.join(root, PGLITE_DIR) });
  // Both forms of one migrated cluster: a directory to copy for servers that keep their files,
  // a tarball for PGlite's `loadDataDir` in memory.
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  writeFileSync(path.join(root, PGLITE_TARBALL), Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  env[PGLITE_TEMPLATE_ENV] = root;

  const adminUrl = env.TEST_DATABASE_URL;
  const postgresTemplate = adminUrl ? await createPostgresTemplate(adminUrl) : null;
  if (postgresTemplate) env[POSTGRES_TEMPLATE_ENV] = postgresTemplate;

  return async () => {
    delete env[PGLITE_TEMPLATE_ENV];
    delete env[POSTGRES_TEMPLATE_ENV];
    rmSync(root, { recursive: true, force: true });
    if (adminUrl && postgresTemplate) await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${postgresTemplate} with (force)`));
  };
}

/** A unique name per run: six helpers or CI jobs may share one PostgreSQL server. */
async function createPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `verksted_template_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, pgliteDir: null });
  await database.close();
  // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template: wait for the
  // pool's connections to be gone (Pool.end resolves before they are).
  await withAdmin(adminUrl, async (admin) => {
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if ((rows[0]?.n ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return name;
}

async function withAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Copies the migrated PGlite template into `dir` (which must not exist yet); false without a template. */
export function clonePgliteTemplate(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const root = env[PGLITE_TEMPLATE_ENV];
  if (!root || existsSync(dir)) return false;
  cpSync(path.join(root, PGLITE_DIR), dir, { recursive: true });
  return true;
}

/** The migrated PGlite template as a tarball for an in-memory database, or null without one. */
export function pgliteTemplateTarball(env: NodeJS.ProcessEnv = process.env): Blob | null {
  const root = env[PGLITE_TEMPLATE_ENV];
  return root ? new Blob([readFileSync(path.join(root, PGLITE_TARBALL))]) : null;
}

/** The migrated PostgreSQL template database's name, or null without one. */
export const postgresTemplate = (env: NodeJS.ProcessEnv = process.env): string | null => env[POSTGRES_TEMPLATE_ENV] ?? null;
