import { describe, expect, it } from 'vitest';
import { sessionNotesDocName } from '@/lib/protocol';
import { boardDocName, boardDraftDocName } from '@/lib/workshop/board';
import { createYjsTokenSigner, hashToken, randomToken } from './tokens';

describe('yjs tokens', () => {
  const signer = createYjsTokenSigner('a'.repeat(40), 1000);
  const claims = { d: 'live.x.notes', s: 'p:1', ro: false };

  it('verifies what it issued until it expires', () => {
    const { token, expiresAt } = signer.issue(claims, 10_000);
    expect(expiresAt).toBe(11_000);
    expect(signer.verify(token, 10_500)).toEqual({ ...claims, exp: 11_000 });
    expect(signer.verify(token, 11_000)).toBeNull();
  });

  it('rejects a tampered body, a foreign signature and garbage', () => {
    const { token } = signer.issue(claims, 0);
    const [v, body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, d: 'live.y.notes', exp: 99_999 })).toString('base64url');
    expect(signer.verify(`${v}.${forged}.${sig}`, 1)).toBeNull();
    expect(createYjsTokenSigner('b'.repeat(40), 1000).verify(token, 1)).toBeNull();
    for (const junk of ['', 'v1', 'v1..', 'v2.a.b', `v1.${body}.`, '💥.💥.💥']) expect(signer.verify(junk, 1)).toBeNull();
  });
});

describe('random tokens', () => {
  it('are unique, URL-safe and hash to hex', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('board author keys', () => {
  const signer = createYjsTokenSigner('a'.repeat(40), 1000);
  const session = crypto.randomUUID();
  const activity = crypto.randomUUID();
  const [p1, p2] = [crypto.randomUUID(), crypto.randomUUID()];
  const board = (group: string) => boardDocName(session, activity, group);

  it('differ per board and per participant, so notes cannot be linked across groups', () => {
    const keys = [signer.boardAuthorKey(p1, board('g1')), signer.boardAuthorKey(p1, board('g2')), signer.boardAuthorKey(p2, board('g1'))];
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((k) => typeof k === 'string' && k.length === 16 && !k.includes(p1))).toBe(true);
    expect(signer.boardAuthorKey(p1, board('g1'))).toBe(keys[0]);
    expect(createYjsTokenSigner('b'.repeat(40), 1000).boardAuthorKey(p1, board('g1'))).not.toBe(keys[0]);
  });

  it('are the board\'s for a draft (its notes end up there), and none for other documents', () => {
    expect(signer.boardAuthorKey(p1, boardDraftDocName(session, activity, 'g1', p1))).toBe(signer.boardAuthorKey(p1, board('g1')));
    expect(signer.boardAuthorKey(p1, sessionNotesDocName(session))).toBeNull();
    expect(signer.boardAuthorKey(p1, 'not a document')).toBeNull();
  });
});
