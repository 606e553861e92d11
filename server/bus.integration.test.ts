import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createScratchDatabase, dropScratchDatabase } from '../test/databases';
import { openDatabase } from '@/db/client';
import { eventually } from '../test/retry';
import { busChannels, createPgBus, type Bus } from './bus';
import { createLogger } from './logger';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(adminUrl)('the PostgreSQL bus (LISTEN/NOTIFY)', () => {
  let url: URL;
  let one: Database;
  let two: Database;
  beforeAll(async () => {
    url = await createScratchDatabase(adminUrl!);
    one = await openDatabase({ databaseUrl: url.href, pgliteDir: null });
    two = await openDatabase({ databaseUrl: url.href, pgliteDir: null });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await dropScratchDatabase(adminUrl!, url);
  });

  it('carries a payload from one process to every other, not back to the publisher', async () => {
    const log = createLogger('silent');
    const a: Bus = await createPgBus(url.href, one.db, log);
    const b: Bus = await createPgBus(url.href, two.db, log);
    try {
      const heardA: unknown[] = [];
      const heardB: unknown[] = [];
      a.subscribe(busChannels.live, (p) => heardA.push(p));
      b.subscribe(busChannels.live, (p) => heardB.push(p));
      b.subscribe(busChannels.yjs, (p) => heardB.push(p));
      a.publish(busChannels.live, { sessionId: 's', version: 3 });
      a.publish(busChannels.yjs, { doc: 'd', id: 7 });
      // Each NOTIFY goes through whichever pooled connection is free, so two may arrive in either
      // order: the bus promises delivery to the others, not an order across messages.
      await eventually(() => expect(heardB).toHaveLength(2));
      expect(heardB).toEqual(expect.arrayContaining([{ sessionId: 's', version: 3 }, { doc: 'd', id: 7 }]));
      // Past NOTIFY's 8000 bytes a message is dropped (and logged) rather than thrown.
      b.publish(busChannels.live, { pad: 'x'.repeat(8000) });
      b.publish(busChannels.live, { sessionId: 's', version: 4 });
      await eventually(() => expect(heardA).toEqual([{ sessionId: 's', version: 4 }]));
      expect(heardB).toHaveLength(2);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
