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
 * Files that kill and restart server processes (chaos, two processes, shutdown, the benchmark's
 * Verksted-then-relay run): after the rest, since each holds child processes and ports of its
 * own and restarts on timers. Two at a time: they mostly wait for processes to die and come
 * back (a third of the machine for the five together, one after the other), and none of them
 * measures time.
 */
const restarts = [
  'bench/run.integration.test.ts',
  'server/chaos/chaos.integration.test.ts',
  'server/cluster.integration.test.ts',
  'server/multiprocess.integration.test.ts',
  'server/shutdown.integration.test.ts',
];

/**
 * Files that measure time: the server's latency during a flood against its latency at rest, or
 * the privacy guard's time on two inputs. A neighbour's work would be measured as theirs, so
 * they run last, one at a time, with nothing beside them.
 */
const timed = [
  'lib/privacy-guard.performance.test.ts',
  'server/realtime/flood.integration.test.ts',
  'server/realtime/limits.integration.test.ts',
  'server/realtime/qsort-large-analysis.integration.test.ts',
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
    // Two files at a time, unit and integration alike (Vitest's own default in `run` mode is one
    // worker fewer than the cores: ONE on a 2-core machine). Each integration file has its own
    // server on a random port and its own databases. One integration worker already keeps about
    // one core busy (CPU-bound, not waiting), so two gain only where a second core is free: on 8
    // integration files 185–189 s against 298 s one at a time under heavy load, 75 s against 70 s
    // under moderate load; the unit project 0.70× the wall time. Same CPU seconds either way.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          // One module graph per worker instead of one per file: the files share no module
          // state (no mocks, no stubs), and importing the graph again for each file cost more
          // than the unit tests themselves (unit project 45 s → 22 s; the summed import time of
          // unit and integration 92 s → 20 s).
          isolate: false,
          include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.ts', 'app/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', ...timed],
          environment: 'node',
          // The property tests take 1–2 s alone; beside an integration file on a loaded machine
          // they took 8 s, past Vitest's 5 s default. A timeout here guards hangs, not speed.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: 'integration',
          isolate: false,
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**', ...restarts, ...timed],
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: 'restarts',
          include: restarts,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: 'timed',
          include: timed,
          // One file at a time, after everything else, on their own.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
