import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

/**
 * The e2e specs one after another in reverse alphabetical order, the opposite of a normal run:
 * proof that none depends on what an earlier one did. Each spec is its own project depending on
 * the one before, which is what fixes the order (`npx playwright test -c playwright.reversed.config.ts`).
 * E2E_SKIP=name,name leaves specs out (to go on after one that failed for reasons of its own).
 */
const skipped = new Set((process.env.E2E_SKIP ?? '').split(',').filter(Boolean));
const specs = readdirSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'e2e'))
  .filter((file) => file.endsWith('.spec.ts') && !skipped.has(file.replace(/\.spec\.ts$/, '')))
  .sort()
  .reverse();
const nameOf = (spec: string) => spec.replace(/\.spec\.ts$/, '');

export default defineConfig({
  ...base,
  projects: specs.map((spec, i) => ({
    name: nameOf(spec),
    testMatch: new RegExp(`/${spec.replace(/\./g, '\\.')}$`),
    dependencies: i === 0 ? [] : [nameOf(specs[i - 1]!)],
    use: { ...devices['Desktop Chrome'] },
  })),
});
