import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase, dropScratchDatabase } from '../test/databases';
import { scratchDir } from '../test/scratch-dir';
import { benchLineSchema } from './stats';

const root = path.resolve(__dirname, '..');

/** `npm run bench` as a user runs it (tsx bench/run.ts), with its stdout. */
function bench(args: string[], databaseUrl: string | null): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

const drivers: { name: string; database(): Promise<{ url: string | null; drop(): Promise<void> }> }[] = [
  { name: 'PGlite', database: async () => ({ url: null, drop: async () => undefined }) },
];
const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  drivers.push({
    name: 'PostgreSQL',
    async database() {
      const url = await createScratchDatabase(adminUrl);
      return { url: url.href, drop: () => dropScratchDatabase(adminUrl, url) };
    },
  });
}

for (const driver of drivers) {
  describe(`npm run bench on ${driver.name}`, () => {
    it('runs plenary against Verksted and the bare relay and ends with the contract line', async () => {
      const out = scratchDir('verksted-bench-out-');
      const { url, drop } = await driver.database();
      try {
        const run = await bench(['--scenario', 'plenary', '--participants', '5', '--duration', '3', '--out', out], url);
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(run.stdout).toContain(`Verksted on ${driver.name}`);
        const lastLine = run.stdout.trimEnd().split('\n').at(-1)!;
        const line = benchLineSchema.parse(JSON.parse(lastLine));
        expect(line).toMatchObject({ scenario: 'plenary', participants: 5 });
        expect(line.p50Ms).toBeGreaterThan(0);
        expect(line.p50Ms).toBeLessThanOrEqual(line.p95Ms);
        expect(line.p95Ms).toBeLessThanOrEqual(line.p99Ms);
        expect(line.baselineP50Ms).toBeGreaterThan(0);
        expect(line.baselineP50Ms).toBeLessThanOrEqual(line.baselineP99Ms);
        expect(line.ratioP50).toBeCloseTo(line.p50Ms / line.baselineP50Ms, 1);
        expect(line.ratioP99).toBeCloseTo(line.p99Ms / line.baselineP99Ms, 1);
        // A Node process with a database and socket.io is tens of MB at the least.
        expect(line.serverRssMb).toBeGreaterThan(30);
        expect(line.serverCpuPct).toBeGreaterThan(0);

        const files = readdirSync(out);
        expect(files).toHaveLength(1);
        expect(files[0]).toMatch(/^plenary-\d{4}-\d\d-\d\dT\d{4}Z\.json$/);
        const record = JSON.parse(readFileSync(path.join(out, files[0]!), 'utf8')) as Record<string, unknown> & { verksted: { sent: number; missed: number; latency: { count: number } } };
        expect(benchLineSchema.parse(Object.fromEntries(Object.keys(line).map((k) => [k, record[k]])))).toEqual(line);
        expect(record.database).toBe(driver.name);
        // Every phone saw every step of the window: five phones, one latency per step each.
        expect(record.verksted.sent).toBeGreaterThan(0);
        expect(record.verksted.missed).toBe(0);
        expect(record.verksted.latency.count).toBe(record.verksted.sent * 5);
      } finally {
        await drop();
        rmSync(out, { recursive: true, force: true });
      }
    }, 120_000);
  });
}
