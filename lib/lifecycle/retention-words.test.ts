import { describe, expect, it } from 'vitest';
import { retainItem } from './retention';

/*
 * A word-cloud entry is up to 40 characters a participant typed (lib/workshop/answers.ts
 * `wordSchema`): one word is what the cloud counts, a phrase ("kari på mottaket") is free text.
 */
describe('retention of word-cloud entries', () => {
  it('clears a multi-word entry, which is free text rather than a counted word', () => {
    const patch = retainItem({ kind: 'word', text: 'kari på mottaket', authorKind: 'anonymous', authorName: null, data: {} }, new Date());
    expect(patch?.text).toBe('');
  });
  it('keeps a single word, the aggregate the cloud shows', () => {
    expect(retainItem({ kind: 'word', text: 'tillit', authorKind: 'anonymous', authorName: null, data: {} }, new Date())).toBeNull();
  });
});
