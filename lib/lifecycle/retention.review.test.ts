import { describe, expect, it } from 'vitest';
import { retainItem } from './retention';

/*
 * Review of issue 10, R16: a word-cloud "word" is up to 40 characters of free text a
 * participant typed (lib/workshop/answers.ts `wordSchema`), often a name ("kari på mottaket")
 * or a phrase, yet retention keeps it as an aggregate.
 */
describe('review R16: retention of word-cloud entries', () => {
  it('clears a multi-word entry, which is free text rather than a counted word', () => {
    const patch = retainItem({ kind: 'word', text: 'kari på mottaket', authorKind: 'anonymous', authorName: null, data: {} }, new Date());
    expect(patch?.text).toBe('');
  });
});
