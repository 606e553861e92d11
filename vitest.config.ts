import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const alias = {
  '@/lib': path.resolve(__dirname, 'lib'),
  '@/server': path.resolve(__dirname, 'server'),
  '@/db': path.resolve(__dirname, 'db'),
  '@/messages': path.resolve(__dirname, 'messages'),
  '@/i18n': path.resolve(__dirname, 'i18n'),
  '@/components': path.resolve(__dirname, 'components'),
  '@/app': path.resolve(__dirname, 'app'),
};

/**
 * Integration files that must run alone: they compare the server's latency during a flood with
 * its latency at rest (a neighbour's work would be measured as theirs), or kill and restart
 * server processes on timers (chaos, two processes, shutdown).
 */
const serialIntegration = [
  'server/chaos/chaos.integration.test.ts',
  'server/multiprocess.integration.test.ts',
  'server/shutdown.integration.test.ts',
  'server/realtime/flood.integration.test.ts',
  'server/realtime/limits.integration.test.ts',
  'server/realtime/yjs-limits.integration.test.ts',
];

const integration: TestProjectInlineConfiguration['test'] = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // Migrated template databases that each test's fresh database is cloned from.
  globalSetup: ['test/global-setup.ts'],
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**', ...serialIntegration],
          // Two files at a time: cloned databases made a server cheap to start, and much of a
          // file's time is spent waiting (timers, rate-limit windows, restarts), not computing.
          fileParallelism: true,
          maxWorkers: 2,
          // Its own group, after the unit files: projects with different worker counts may not share one.
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: 'integration-serial',
          include: serialIntegration,
          // One file at a time, after everything else (Vitest runs these last, on their own).
          fileParallelism: false,
        },
      },
    ],
  },
});
