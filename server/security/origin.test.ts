import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin';

const direct = { publicUrl: null, trustProxy: false };
const proxied = { publicUrl: null, trustProxy: true };

describe('isSameOrigin', () => {
  const host = { host: 'localhost:3000' };

  it('accepts our own origin and refuses others', () => {
    expect(isSameOrigin({ ...host, origin: 'http://localhost:3000' }, direct, true)).toBe(true);
    expect(isSameOrigin({ host: 'LocalHost:3000', origin: 'http://localhost:3000' }, direct, true)).toBe(true);
    expect(isSameOrigin({ ...host, origin: 'http://evil.example' }, direct, true)).toBe(false);
    expect(isSameOrigin({ ...host, origin: 'http://localhost:3001' }, direct, true)).toBe(false);
  });

  it('falls back to Referer, and refuses when both are missing and one is required', () => {
    expect(isSameOrigin({ ...host, referer: 'http://localhost:3000/prosjekter' }, direct, true)).toBe(true);
    expect(isSameOrigin({ ...host, referer: 'http://evil.example/x' }, direct, true)).toBe(false);
    expect(isSameOrigin(host, direct, true)).toBe(false);
    expect(isSameOrigin(host, direct, false)).toBe(true);
  });

  it('refuses Origin: null even where a missing Origin would pass', () => {
    expect(isSameOrigin({ ...host, origin: 'null' }, direct, true)).toBe(false);
    expect(isSameOrigin({ ...host, origin: 'null' }, direct, false)).toBe(false);
    // A same-site Referer does not rescue an opaque origin: the browser said it was not us.
    expect(isSameOrigin({ ...host, origin: 'null', referer: 'http://localhost:3000/' }, direct, false)).toBe(false);
    expect(isSameOrigin({ ...host, origin: 'garbage' }, direct, false)).toBe(false);
  });

  it('ignores X-Forwarded-Host unless the proxy is trusted', () => {
    const forged = { host: 'verksted.internal:3000', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' };
    expect(isSameOrigin(forged, direct, true)).toBe(false);
    expect(isSameOrigin(forged, direct, false)).toBe(false);
    expect(isSameOrigin(forged, proxied, true)).toBe(true);
  });

  it('accepts the configured public URL behind a proxy', () => {
    expect(isSameOrigin({ host: '127.0.0.1:3000', origin: 'https://verksted.nav.no' }, { publicUrl: 'https://verksted.nav.no', trustProxy: false }, true)).toBe(true);
  });
});
