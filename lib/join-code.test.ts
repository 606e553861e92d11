import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CODE_MISS_BUDGET,
  GUESSING_THREAT,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_CODE_SPACE,
  formatJoinCode,
  guessingOdds,
  joinCodeFromRandom,
  normalizeJoinCode,
} from './join-code';

describe('join codes', () => {
  it('has no look-alike characters', () => {
    for (const c of '01OIL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it('makes 9-character codes from the alphabet only', () => {
    expect(JOIN_CODE_LENGTH).toBe(9);
    for (let i = 0; i < 2000; i++) {
      const code = joinCodeFromRandom((n) => randomBytes(n));
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{9}$/);
    }
  });

  it('uses every character of the alphabet with roughly equal frequency', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      for (const c of joinCodeFromRandom((n) => randomBytes(n))) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(JOIN_CODE_ALPHABET.length);
    const expected = (5000 * JOIN_CODE_LENGTH) / JOIN_CODE_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });

  it('skips bytes that would bias the distribution', () => {
    // 248..255 are above the largest multiple of 31 and must be rejected, not wrapped.
    const feed = [255, 254, 0, 1, 2, 3, 4, 5, 6, 7, 8];
    let i = 0;
    const code = joinCodeFromRandom((n) => Uint8Array.from({ length: n }, () => feed[i++ % feed.length]!));
    expect(code).toBe('ABCDEFGHJ');
  });

  it('normalises what people type', () => {
    expect(normalizeJoinCode(' abc-234-xyz ')).toBe('ABC234XYZ');
    expect(normalizeJoinCode('abc 234 xyz')).toBe('ABC234XYZ');
    expect(normalizeJoinCode('ABC234XY')).toBeNull();
    expect(normalizeJoinCode('ABC234XYZ2')).toBeNull();
    expect(normalizeJoinCode('ABCO23XYZ')).toBeNull();
  });

  it('formats in groups of three', () => {
    expect(formatJoinCode('ABC234XYZ')).toBe('ABC 234 XYZ');
  });
});

describe('guessing a join code', () => {
  const model = { codeSpace: JOIN_CODE_SPACE, attemptsPerWindow: CODE_MISS_BUDGET.points, windowSeconds: CODE_MISS_BUDGET.durationSeconds, ...GUESSING_THREAT };

  it('multiplies attempts per window, windows in a lifetime and addresses', () => {
    const odds = guessingOdds({ codeSpace: 1_000_000, attemptsPerWindow: 10, windowSeconds: 60, addresses: 5, sessionLifetimeSeconds: 600, openSessions: 20 });
    expect(odds.guesses).toBe(10 * 10 * 5);
    expect(odds.oneSession).toBeCloseTo(500 / 1_000_000, 12);
    expect(odds.anySession).toBeCloseTo((500 * 20) / 1_000_000, 12);
    expect(guessingOdds({ ...model, codeSpace: 10 }).anySession).toBe(1);
  });

  it('is negligible for the chosen length and budget under the threat model', () => {
    const odds = guessingOdds(model);
    expect(odds.guesses).toBe(2_160_000);
    expect(odds.oneSession).toBeLessThan(1e-7);
    expect(odds.anySession).toBeLessThan(1e-4);
  });

  it('would not be with the old six-character codes', () => {
    expect(guessingOdds({ ...model, codeSpace: JOIN_CODE_ALPHABET.length ** 6 }).anySession).toBeGreaterThan(0.5);
  });
});
