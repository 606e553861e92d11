/**
 * A token bucket, synchronous so it can sit in a websocket's message handler without letting
 * messages overtake each other (Yjs sync is order-sensitive). Pure: time is passed in.
 */
export interface TokenBucket {
  /** Takes one token at `now` (ms); false when the bucket is empty. */
  take(now: number): boolean;
}

export function createTokenBucket(burst: number, perSecond: number, start: number): TokenBucket {
  let tokens = burst;
  let last = start;
  return {
    take(now) {
      tokens = Math.min(burst, tokens + (Math.max(0, now - last) * perSecond) / 1000);
      last = Math.max(last, now);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
