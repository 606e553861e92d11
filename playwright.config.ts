import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// Browsers cannot be downloaded on every machine: use the system Chromium when there is one.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // One server with one database, one spec at a time (specs edit the shared demo project and put
  // it back). No spec depends on which ran before it: each signs in (doing first-run setup when
  // it is first) and makes its own data; the first-run spec has an empty server of its own.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
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
  webServer: {
    // A fresh database every run: whichever spec signs in first does the first-run setup.
    command: 'node -e "require(\'fs\').rmSync(\'.data-e2e\',{recursive:true,force:true})" && npx tsx scripts/start.ts',
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: '.data-e2e', LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1', SEED_DEMO: 'true' },
  },
});
