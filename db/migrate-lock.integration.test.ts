import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase, dropScratchDatabase } from '../test/databases';
import { openDatabase } from './client';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(adminUrl)('migrations when several processes start at once', () => {
  it('migrates an empty database once while the others wait, and every process opens it', async () => {
    const url = await createScratchDatabase(adminUrl!, null);
    try {
      const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url.href, pgliteDir: null })));
      const failures = opened.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
      const databases = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        expect(failures).toEqual([]);
        const rows = await databases[0]!.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        const migrations = (rows as unknown as { rows: { n: number }[] }).rows[0]!.n;
        const { readdirSync } = await import('node:fs');
        const files = readdirSync(new URL('./migrations', import.meta.url)).filter((f) => f.endsWith('.sql'));
        expect(migrations).toBe(files.length);
      } finally {
        await Promise.all(databases.map((d) => d.close()));
      }
    } finally {
      await dropScratchDatabase(adminUrl!, url);
    }
  });
});
