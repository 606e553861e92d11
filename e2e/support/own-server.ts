import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createVerkstedServer, type VerkstedServer } from '../../server/app';
import { testConfig } from '../../test/config';
import { freePort } from '../../test/ports';
import { FACILITATOR, type LAPTOP, type PHONE } from './actors';

export interface OwnVerksted {
  origin: string;
  server: VerkstedServer;
  /** A device of its own (a fresh browser context) that opens this server's pages. */
  device(browser: Browser, size: typeof PHONE | typeof LAPTOP): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A Verksted of the spec's own (the same build) on a free port, with a fresh database whose
 * first account (the e2e facilitator) has the demo project. For specs that run the demo
 * workshop or must read the database: the shared server's other specs never see their
 * sessions, and their rows can be counted directly. `firstAccount: false` leaves the
 * installation empty, for the spec that walks through first-run setup in any order.
 */
export async function startOwnVerksted(label: string, { firstAccount = true } = {}): Promise<OwnVerksted> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `verksted-e2e-${label}-`));
  const server = await createVerkstedServer({ config: testConfig({ port, dataDir, seedDemo: true, logLevel: 'warn' }), withNext: true });
  if (firstAccount) {
    const first = await server.services.setupFirstAccount({ name: FACILITATOR.name, email: FACILITATOR.email, password: FACILITATOR.password });
    if (!first.ok) throw new Error(`own server: first account refused (${first.error.code})`);
  }
  return {
    origin,
    server,
    async device(browser, size) {
      const context = await browser.newContext({ ...size, locale: 'nb-NO', baseURL: origin });
      return context.newPage();
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
