import { describe, expect, it } from 'vitest';
import { boardDocName, boardDraftDocName } from './board';
import { boardAuthorKey } from './note-author';

const session = '00000000-0000-4000-8000-000000000001';
const activity = '00000000-0000-4000-8000-000000000002';
const participant = '00000000-0000-4000-8000-000000000003';

describe('boardAuthorKey', () => {
  it('gives one person unrelated keys on two groups’ boards, and the same on a board and its draft', () => {
    const g1 = boardAuthorKey('secret-key', boardDocName(session, activity, 'g1'));
    const g2 = boardAuthorKey('secret-key', boardDocName(session, activity, 'g2'));
    expect(g1).not.toBe(g2);
    expect(g1).not.toContain('secret-key');
    expect(boardAuthorKey('secret-key', boardDraftDocName(session, activity, 'g1', participant))).toBe(g1);
    expect(boardAuthorKey('other-key', boardDocName(session, activity, 'g1'))).not.toBe(g1);
    expect(boardAuthorKey('secret-key', boardDocName(session, activity, 'g1'))).toBe(g1);
  });
});
