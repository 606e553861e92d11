import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@/lib': path.resolve(__dirname, 'lib'),
  '@/server': path.resolve(__dirname, 'server'),
  '@/db': path.resolve(__dirname, 'db'),
  '@/messages': path.resolve(__dirname, 'messages'),
  '@/i18n': path.resolve(__dirname, 'i18n'),
  '@/components': path.resolve(__dirname, 'components'),
  '@/app': path.resolve(__dirname, 'app'),
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
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Migrated template databases that each test's fresh database is cloned from.
          globalSetup: ['test/global-setup.ts'],
          // Each file starts real servers and databases; two cores do not like them in parallel.
          fileParallelism: false,
        },
      },
    ],
  },
});
