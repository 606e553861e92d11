import { describe, expect, it } from 'vitest';
import { createScratchDatabase, dropScratchDatabase } from '../../test/databases';
import { runChaos } from './run';

/** The small form of `npm run chaos`: a server in a child process killed twice mid-stream. */
const drivers: { name: string; database(): Promise<{ url: string | null; drop(): Promise<void> }> }[] = [
  { name: 'pglite', database: async () => ({ url: null, drop: async () => undefined }) },
];
const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  drivers.push({
    name: 'postgres',
    async database() {
      const url = await createScratchDatabase(adminUrl);
      return { url: url.href, drop: () => dropScratchDatabase(adminUrl, url) };
    },
  });
}

for (const driver of drivers) {
  describe(`chaos on ${driver.name}`, () => {
    it('loses no acknowledged answer and every board converges across SIGKILL restarts', async () => {
      const { url, drop } = await driver.database();
      const lines: string[] = [];
      try {
        const result = await runChaos({ participants: 8, groups: 2, seconds: 10, databaseUrl: url, log: (line) => lines.push(line) });
        expect(result.acked, lines.join('\n')).toBeGreaterThan(8);
        expect(result, lines.join('\n')).toMatchObject({ lost: 0, found: result.acked, yjsConverged: true });
        expect(lines.filter((l) => l.includes('server killed'))).toHaveLength(2);
        expect(result.reconnectSeconds).toBeGreaterThan(0);
      } finally {
        await drop();
      }
    }, 240_000);
  });
}
