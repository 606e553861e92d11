import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securityHeaders } from './headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('security headers', () => {
  it('builds a nonce policy that forbids framing, plugins and foreign scripts', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', dev: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toContain('data:');
  });

  it('loads fonts from our own origin only', () => {
    expect(directives(contentSecurityPolicy({ nonce: 'n', dev: false })).get('font-src')).toEqual(["'self'"]);
  });

  it("allows 'unsafe-eval' in development only", () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', dev: false })).not.toContain("'unsafe-eval'");
  });

  it('sends HSTS only over TLS', () => {
    expect(securityHeaders({ nonce: 'n', dev: false, https: true })['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ nonce: 'n', dev: false, https: false })).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders({ nonce: 'n', dev: false, https: false })).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' });
  });

  it('makes nonces Next.js can read back from the header', () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    // Next's getScriptNonceFromHeader accepts base64 characters only.
    expect(nonce).toMatch(/^[A-Za-z0-9+/_-]+={0,2}$/);
  });
});
