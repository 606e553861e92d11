import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MALFORMED_PATHS } from '../../test/hostile-inputs';
import { connected, serverHarness } from '../../test/server-harness';

const harness = serverHarness();
beforeAll(() => harness.start());
afterAll(() => harness.cleanup());

/** A raw request: fetch would normalise the path and refuses to send a forged Host. */
async function raw(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const http = await import('node:http');
  return new Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: harness.server.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.method === 'POST' ? '{}' : undefined);
  });
}

describe('every response carries the security headers', () => {
  it.each(['/api/health', '/finnes-ikke', '/delta/%ff%fe'])('%s', async (path) => {
    const { headers } = await raw(path);
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    // Plain HTTP, no trusted proxy: HSTS would be meaningless and is left out.
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('uses a fresh nonce for each response', async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await raw('/api/health')).headers['content-security-policy'] as string)?.[1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it('ignores a forged X-Forwarded-Proto for HSTS without TRUST_PROXY', async () => {
    const { headers } = await raw('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(headers['strict-transport-security']).toBeUndefined();
  });
});

describe('malformed URLs', () => {
  it.each(MALFORMED_PATHS)('%s gets 400 or 404, never 500', async (path) => {
    const { status } = await raw(path);
    expect([400, 404]).toContain(status);
  });

  it('an API POST with a malformed path is refused before any handler', async () => {
    expect((await raw('/api/sessions/%ff', { method: 'POST', headers: { origin: harness.origin } })).status).toBe(400);
  });
});

describe('origin checks', () => {
  it('refuses state-changing requests from Origin: null', async () => {
    const { status } = await raw('/api/sessions/join', { method: 'POST', headers: { origin: 'null', 'content-type': 'application/json' } });
    expect(status).toBe(403);
  });

  it('does not let X-Forwarded-Host make a foreign origin ours', async () => {
    const { status } = await raw('/api/sessions/join', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'content-type': 'application/json' },
    });
    expect(status).toBe(403);
  });

  it('still accepts our own origin', async () => {
    const { status } = await raw('/api/sessions/join', { method: 'POST', headers: { origin: harness.origin, 'content-type': 'application/json' } });
    expect(status).toBe(400); // past the origin check, refused for its empty body
  });

  it('refuses a socket.io handshake from Origin: null or a forwarded foreign host', async () => {
    await expect(connected(harness.socket('', 'null'))).rejects.toThrow();
    const forged = connect(harness.origin, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
    });
    await expect(connected(forged)).rejects.toThrow();
    forged.disconnect();
    const ours = harness.socket('', harness.origin);
    await expect(connected(ours)).resolves.toBeUndefined();
  });
});

describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
  const proxied = serverHarness({ trustProxy: true });
  beforeAll(() => proxied.start());
  afterAll(() => proxied.cleanup());

  const request = async (method: string, headers: Record<string, string>) => {
    const http = await import('node:http');
    return new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: proxied.server.port, path: '/api/sessions/join', method, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      });
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    });
  };

  it('believes the proxy about TLS (HSTS) and the public host (origin check)', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'verksted.nav.no' };
    expect((await request('GET', forwarded)).headers['strict-transport-security']).toMatch(/max-age=/);
    expect((await request('POST', { ...forwarded, origin: 'https://verksted.nav.no', 'content-type': 'application/json' })).statusCode).toBe(400);
    expect((await request('POST', { ...forwarded, origin: 'https://evil.example', 'content-type': 'application/json' })).statusCode).toBe(403);
    expect((await request('POST', { ...forwarded, origin: 'null', 'content-type': 'application/json' })).statusCode).toBe(403);
  });
});
