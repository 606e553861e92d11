import type { Config } from '@/server/config';

/** Configuration for service tests: no files, no logs, demo seeding as the test wants, cheap password hashes. */
export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  publicUrl: null,
  databaseUrl: null,
  dataDir: '/nonexistent',
  sessionSecret: 'x'.repeat(48),
  seedDemo: true,
  logLevel: 'silent',
  dev: false,
  trustProxy: false,
  oidc: null,
  cheapPasswordHashing: true,
  ...overrides,
});
