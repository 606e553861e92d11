import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin';

describe('isSameOrigin', () => {
  const host = { host: 'localhost:3000' };

  it('accepts our own origin and refuses others', () => {
    expect(isSameOrigin({ ...host, origin: 'http://localhost:3000' }, null, true)).toBe(true);
    expect(isSameOrigin({ ...host, origin: 'http://evil.example' }, null, true)).toBe(false);
    expect(isSameOrigin({ ...host, origin: 'http://localhost:3001' }, null, true)).toBe(false);
  });

  it('falls back to Referer, and refuses when both are missing and one is required', () => {
    expect(isSameOrigin({ ...host, referer: 'http://localhost:3000/prosjekter' }, null, true)).toBe(true);
    expect(isSameOrigin({ ...host, referer: 'http://evil.example/x' }, null, true)).toBe(false);
    expect(isSameOrigin(host, null, true)).toBe(false);
    expect(isSameOrigin(host, null, false)).toBe(true);
    expect(isSameOrigin({ ...host, origin: 'null' }, null, true)).toBe(false);
  });

  it('accepts the configured public URL behind a proxy', () => {
    expect(isSameOrigin({ host: '127.0.0.1:3000', origin: 'https://verksted.nav.no' }, 'https://verksted.nav.no', true)).toBe(true);
  });
});
