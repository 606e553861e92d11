import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { countActiveCalls, waitUntilQuiet } from './quiesce';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type repositories take, so PGlite and PostgreSQL are interchangeable. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Waits for work in flight to settle (see waitUntilQuiet), then closes. */
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** Directory for PGlite's files; `null` keeps the database in memory (tests). */
  pgliteDir: string | null;
  /** A PGlite data directory tarball (`dumpDataDir`) to start from instead of running initdb (tests). */
  pgliteLoadDataDir?: Blob;
}

/** An advisory lock key of its own ("verksted migrate"), apart from the per-row locks. */
const MIGRATION_LOCK = 0x5645_524b;

/** Opens the database and applies the committed migrations before anyone uses it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
    // Several processes starting at once on a fresh database: one migrates, the others wait and
    // then find nothing left to do (the migrator alone would race to create its own table).
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(db, { migrationsFolder });
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      lock.release();
    }
    // Clients checked out (queries and transactions running) plus requests queued for one.
    const busy = () => pool.totalCount - pool.idleCount + pool.waitingCount;
    return { db: db as unknown as Db, kind: 'postgres', close: closeOnce(busy, () => pool.end()) };
  }
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const loaded = options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {};
  const client = options.pgliteDir ? new PGlite(options.pgliteDir, loaded) : new PGlite(loaded);
  const busy = countActiveCalls(client, ['query', 'exec', 'transaction']);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', close: closeOnce(busy, () => client.close()) };
}

function closeOnce(busy: () => number, end: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= waitUntilQuiet(busy).then(end));
}
