import { describe, expect, it } from 'vitest';
import { busChannels, createMemoryHub } from './bus';
import { createLogger } from './logger';
import { eventually } from '../test/retry';

const log = createLogger('silent');

describe('the in-process bus', () => {
  it('tells the other buses of its hub, never itself, and stops after unsubscribe or close', async () => {
    const hub = createMemoryHub();
    const a = hub.bus(log);
    const b = hub.bus(log);
    const c = hub.bus(log);
    const heard: string[] = [];
    a.subscribe(busChannels.live, (p) => heard.push(`a:${JSON.stringify(p)}`));
    const stopB = b.subscribe(busChannels.live, (p) => heard.push(`b:${JSON.stringify(p)}`));
    c.subscribe(busChannels.views, (p) => heard.push(`c:${JSON.stringify(p)}`));

    a.publish(busChannels.live, { n: 1 });
    await eventually(() => expect(heard).toEqual(['b:{"n":1}']));

    stopB();
    await c.close();
    b.publish(busChannels.live, { n: 2 });
    a.publish(busChannels.views, { n: 3 });
    await eventually(() => expect(heard).toEqual(['b:{"n":1}', 'a:{"n":2}']));
  });

  it('buses of different hubs do not hear each other (two servers on PGlite are two databases)', async () => {
    const one = createMemoryHub().bus(log);
    const two = createMemoryHub().bus(log);
    const heard: unknown[] = [];
    two.subscribe(busChannels.yjs, (p) => heard.push(p));
    one.publish(busChannels.yjs, { doc: 'd', id: 1 });
    two.publish(busChannels.yjs, { doc: 'd', id: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toEqual([]);
  });

  it('a handler that throws does not keep the others from hearing', async () => {
    const hub = createMemoryHub();
    const a = hub.bus(log);
    const b = hub.bus(log);
    const heard: unknown[] = [];
    b.subscribe(busChannels.access, () => {
      throw new Error('boom');
    });
    b.subscribe(busChannels.access, (p) => heard.push(p));
    a.publish(busChannels.access, { kind: 'project-archived', projectId: 'x' });
    await eventually(() => expect(heard).toHaveLength(1));
  });
});
