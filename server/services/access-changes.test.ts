import { describe, expect, it } from 'vitest';
import { createAccessChanges, type AccessChange } from './access-changes';

describe('the access-change channel', () => {
  it('tells every listener, survives one that throws, and stops telling one that unsubscribed', () => {
    const errors: unknown[] = [];
    const changes = createAccessChanges((err) => errors.push(err));
    const heard: AccessChange[] = [];
    changes.subscribe(() => {
      throw new Error('broken listener');
    });
    const stop = changes.subscribe((c) => heard.push(c));
    const removed: AccessChange = { kind: 'member-removed', projectId: 'p', userId: 'u' };
    changes.publish(removed);
    stop();
    changes.publish({ kind: 'project-archived', projectId: 'p' });
    expect(heard).toEqual([removed]);
    expect(errors).toHaveLength(2);
  });
});
