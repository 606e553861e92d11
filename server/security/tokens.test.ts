import { describe, expect, it } from 'vitest';
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
