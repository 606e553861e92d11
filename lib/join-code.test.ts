import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, formatJoinCode, joinCodeFromRandom, normalizeJoinCode } from './join-code';

describe('join codes', () => {
  it('has no look-alike characters', () => {
    for (const c of '01OIL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it('makes 6-character codes from the alphabet only', () => {
    for (let i = 0; i < 2000; i++) {
      const code = joinCodeFromRandom((n) => randomBytes(n));
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);
    }
  });

  it('uses every character of the alphabet with roughly equal frequency', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      for (const c of joinCodeFromRandom((n) => randomBytes(n))) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(JOIN_CODE_ALPHABET.length);
    const expected = (5000 * 6) / JOIN_CODE_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });

  it('skips bytes that would bias the distribution', () => {
    // 248..255 are above the largest multiple of 31 and must be rejected, not wrapped.
    const feed = [255, 254, 0, 1, 2, 3, 4, 5];
    let i = 0;
    const code = joinCodeFromRandom((n) => Uint8Array.from({ length: n }, () => feed[i++ % feed.length]!));
    expect(code).toBe('ABCDEF');
  });

  it('normalises what people type', () => {
    expect(normalizeJoinCode(' abc-234 ')).toBe('ABC234');
    expect(normalizeJoinCode('abc 234')).toBe('ABC234');
    expect(normalizeJoinCode('ABC23')).toBeNull();
    expect(normalizeJoinCode('ABC2340')).toBeNull();
    expect(normalizeJoinCode('ABCO23')).toBeNull();
  });

  it('formats in two halves', () => {
    expect(formatJoinCode('ABC234')).toBe('ABC 234');
  });
});
