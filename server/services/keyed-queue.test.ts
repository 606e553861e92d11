import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from './keyed-queue';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('keyed queue', () => {
  it('runs tasks of one key in order, one at a time', async () => {
    const run = createKeyedQueue();
    const log: string[] = [];
    let active = 0;
    const task = (name: string) => async () => {
      active++;
      expect(active).toBe(1);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      active--;
      return name;
    };
    const results = await Promise.all([run('a', task('1')), run('a', task('2')), run('a', task('3'))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('keeps going after a failed task and lets other keys run alongside', async () => {
    const run = createKeyedQueue();
    const failed = run('a', async () => {
      throw new Error('boom');
    });
    const next = run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    let otherRan = false;
    const slow = run('a', async () => {
      await tick();
      return otherRan;
    });
    await run('b', async () => {
      otherRan = true;
    });
    await expect(slow).resolves.toBe(true);
  });
});
