import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { eventually } from '../test/retry';
import { busChannels, type Bus } from './bus';
import { createLogger } from './logger';
import { createRedisBus, openRedis } from './redis';

const redisUrl = process.env.TEST_REDIS_URL;
const log = createLogger('silent');

describe.runIf(redisUrl)('the Redis bus (pub/sub)', () => {
  it('carries a payload from one process to every other, not back to the publisher, at any size', async () => {
    const links = [await openRedis(redisUrl!, log), await openRedis(redisUrl!, log)];
    const a: Bus = await createRedisBus(links[0]!, log);
    const b: Bus = await createRedisBus(links[1]!, log);
    try {
      const heardA: unknown[] = [];
      const heardB: unknown[] = [];
      a.subscribe(busChannels.live, (p) => heardA.push(p));
      b.subscribe(busChannels.live, (p) => heardB.push(p));
      b.subscribe(busChannels.yjs, (p) => heardB.push(p));
      a.publish(busChannels.live, { sessionId: 's', version: 3 });
      a.publish(busChannels.yjs, { doc: 'd', id: 7 });
      await eventually(() => expect(heardB).toEqual([{ sessionId: 's', version: 3 }, { doc: 'd', id: 7 }]));
      // No 8000-byte limit as with NOTIFY.
      const large = { pad: 'x'.repeat(20_000) };
      b.publish(busChannels.live, large);
      await eventually(() => expect(heardA).toEqual([large]));
      expect(heardB).toHaveLength(2);
      // A handler that throws is logged; the others still hear.
      const after: unknown[] = [];
      b.subscribe(busChannels.access, () => {
        throw new Error('handler failed');
      });
      b.subscribe(busChannels.access, (p) => after.push(p));
      a.publish(busChannels.access, { x: 1 });
      await eventually(() => expect(after).toEqual([{ x: 1 }]));
    } finally {
      await a.close();
      await b.close();
      await Promise.all(links.map((l) => l.close()));
    }
  });

  it('refuses to start when Redis cannot be reached, rather than running alone', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    await expect(openRedis(`redis://127.0.0.1:${closed}`, log)).rejects.toThrow();
  });
});
