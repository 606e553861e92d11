/** The agenda index of step `k` when stepping forward to the end and back again, over and over. */
export function pingPong(k: number, length: number): number {
  if (length <= 1) return 0;
  const period = 2 * (length - 1);
  const r = k % period;
  return r < length ? r : period - r;
}

/** N people split over `sessions` as evenly as whole people allow. */
export const split = (n: number, sessions: number): number[] => Array.from({ length: sessions }, (_, i) => Math.floor(n / sessions) + (i < n % sessions ? 1 : 0));
