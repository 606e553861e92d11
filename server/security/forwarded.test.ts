import { describe, expect, it } from 'vitest';
import { isHttpsRequest, publicOrigin, requestSource } from './forwarded';

const headers = {
  host: 'verksted.internal:3000',
  'x-forwarded-for': '203.0.113.9, 198.51.100.7',
  'x-forwarded-host': 'verksted.nav.no',
  'x-forwarded-proto': 'https',
};

describe('requestSource', () => {
  it('believes only the socket and the Host header without a trusted proxy', () => {
    const source = requestSource(headers, '10.0.0.5', false);
    expect(source).toEqual({ clientIp: '10.0.0.5', host: 'verksted.internal:3000', proto: 'http' });
    expect(publicOrigin(source, null)).toBe('http://verksted.internal:3000');
    expect(isHttpsRequest(source, null)).toBe(false);
  });

  it('takes the proxy’s view when trusted, and the last X-Forwarded-For hop (the one it added)', () => {
    const source = requestSource(headers, '10.0.0.5', true);
    expect(source).toEqual({ clientIp: '198.51.100.7', host: 'verksted.nav.no', proto: 'https' });
    expect(publicOrigin(source, null)).toBe('https://verksted.nav.no');
    expect(isHttpsRequest(source, null)).toBe(true);
    expect(requestSource({ host: 'h' }, '10.0.0.5', true)).toEqual({ clientIp: '10.0.0.5', host: 'h', proto: 'http' });
  });

  it('lets PUBLIC_URL decide the public origin and scheme', () => {
    const source = requestSource(headers, '10.0.0.5', false);
    expect(publicOrigin(source, 'https://verksted.example.no')).toBe('https://verksted.example.no');
    expect(isHttpsRequest(source, 'https://verksted.example.no')).toBe(true);
    expect(isHttpsRequest(requestSource(headers, undefined, true), 'http://localhost:3000')).toBe(false);
  });
});
