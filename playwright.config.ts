import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Two workers (E2E_WORKERS to change it), each with a shared server (and database) of its own:
 * worker slot n talks to the server on `port + n`. Playwright sets TEST_PARALLEL_INDEX in a worker before it loads this
 * file there, and no two workers hold the same slot at once, so the specs of one server still
 * run one at a time, as they did with one worker (specs edit the shared demo project and put it
 * back). The runner itself has no slot: it starts the servers.
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);
const port = Number(process.env.E2E_PORT ?? 3210);
const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const baseURL = `http://127.0.0.1:${port + slot}`;
// Browsers cannot be downloaded on every machine: use the system Chromium when there is one.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // One spec at a time per server. No spec depends on which ran before it or on which server it
  // gets: each signs in (doing first-run setup when it is first) and makes its own data; the
  // first-run spec has an empty server of its own.
  workers,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // No trace unless asked for (`npx playwright test --trace retain-on-failure`, or `on`): it is
    // recorded for every test to be kept only for a failed one, and recording cost 15–20 % of the
    // suite's CPU (the DOM and styles of every page around every action, every response body;
    // with the screencast, which also hid that background tabs stall, a sixth more). A failure
    // still leaves its screenshot and Playwright's error context (the page's ARIA snapshot), and
    // a CI run's trace could not be fetched anyway: CI gives back only what it printed.
    trace: 'off',
    // A missing element fails in seconds, not at the end of a long test's timeout.
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    locale: 'nb-NO',
    launchOptions: {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // Started one after the other: the first builds the pages when the build is missing or stale
  // (scripts/start.ts), so the second finds the build fresh and only starts.
  webServer: Array.from({ length: workers }, (_, n) => ({
    // A fresh database every run: whichever spec signs in first does the first-run setup.
    command: `node -e "require('fs').rmSync('.data-e2e-${n}',{recursive:true,force:true})" && npx tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port + n}/api/health`,
    // The first start builds; on a loaded 2-core machine that alone has taken over five minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    env: { PORT: String(port + n), HOST: '127.0.0.1', DATA_DIR: `.data-e2e-${n}`, LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1', SEED_DEMO: 'true' },
  })),
});
