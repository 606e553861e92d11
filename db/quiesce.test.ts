import { describe, expect, it } from 'vitest';
import { countActiveCalls, waitUntilQuiet } from './quiesce';

describe('waiting for the database to go quiet', () => {
  it('counts calls still running on wrapped methods', async () => {
    let release = () => {};
    const client = { query: (sql: string) => new Promise<string>((resolve) => (release = () => resolve(sql))) };
    const active = countActiveCalls(client, ['query']);
    const running = client.query('select 1');
    expect(active()).toBe(1);
    release();
    expect(await running).toBe('select 1');
    expect(active()).toBe(0);
  });

  it('waits for work that starts during the quiet window, then resolves', async () => {
    let busy = 0;
    const order: string[] = [];
    // A chain like a socket handler's: idle between two queries, then a broadcast a bit later.
    setTimeout(() => {
      busy += 1;
      setTimeout(() => {
        busy -= 1;
        order.push('late work done');
      }, 30);
    }, 10);
    await waitUntilQuiet(() => busy, { quietMs: 1_000, maxMs: 20_000, stepMs: 5 }).then(() => order.push('quiet'));
    expect(order).toEqual(['late work done', 'quiet']);
  });

  it('gives up after maxMs when the work never ends', async () => {
    expect(await waitUntilQuiet(() => 1, { quietMs: 10, maxMs: 50, stepMs: 5 })).toBe(false);
  });
});
