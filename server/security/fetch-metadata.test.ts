import { describe, expect, it } from 'vitest';
import { pageMayLookUpCode } from './fetch-metadata';

const request = (headers: Record<string, string>) => pageMayLookUpCode((name) => headers[name]);

describe('pageMayLookUpCode', () => {
  it('lets our own pages, the address bar, links from elsewhere and metadata-less clients look up', () => {
    expect(request({ 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' })).toBe(true); // router.push
    expect(request({ 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })).toBe(true); // typed, QR code
    expect(request({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })).toBe(true); // a link in Teams
    expect(request({})).toBe(true);
  });

  it('refuses what another site embeds, fetches or prefetches', () => {
    expect(request({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' })).toBe(false);
    expect(request({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' })).toBe(false);
    expect(request({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' })).toBe(false);
    expect(request({ 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' })).toBe(false);
    expect(request({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-purpose': 'prefetch' })).toBe(false);
    expect(request({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', purpose: 'prefetch' })).toBe(false);
  });
});
