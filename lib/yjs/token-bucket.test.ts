import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('allows a burst, then refills at the given rate', () => {
    const bucket = createTokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(400)).toBe(false); // 0.8 of a token
    expect(bucket.take(500)).toBe(true); // 1 token after half a second at 2/s
    expect(bucket.take(500)).toBe(false);
  });

  it('never holds more than the burst, however long it rests', () => {
    const bucket = createTokenBucket(2, 10, 0);
    const taken = [0, 1, 2].map(() => bucket.take(60_000));
    expect(taken).toEqual([true, true, false]);
  });

  it('does not refill when the clock goes backwards', () => {
    const bucket = createTokenBucket(1, 1, 1000);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.take(1000)).toBe(false);
  });
});
