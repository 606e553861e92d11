import * as Y from 'yjs';

/** An update of about `size` bytes that depends on nothing (a fresh client each time). */
export function blob(size: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('junk').insert(0, 'x'.repeat(size - 48));
  return Y.encodeStateAsUpdate(doc);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One round trip of a working session: a phone's event and its answer, then /api/health. */
export interface Sample {
  event: number;
  health: number;
}

/**
 * Measures `probe` in blocks that alternate between quiet and loud (while `loud` holds), so
 * whatever else loads the machine weighs on both alike; returns the p99 of each and the samples.
 */
export async function quietAndLoud(probe: () => Promise<Sample>, loud: { start(): Promise<void>; stop(): void }, rounds = 3, perBlock = 30) {
  for (let i = 0; i < 5; i++) await probe(); // warm up
  const quiet: Sample[] = [];
  const noisy: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < perBlock; i++) quiet.push(await probe());
    await loud.start();
    for (let i = 0; i < perBlock; i++) noisy.push(await probe());
    loud.stop();
  }
  const p99 = (samples: Sample[]) => ({ event: percentile(samples.map((s) => s.event), 99), health: percentile(samples.map((s) => s.health), 99) });
  return { quiet: p99(quiet), loud: p99(noisy) };
}

/**
 * How much a flood may slow another session's p99: 100 ms over its own quiet p99, or double it
 * when the machine itself is already slow (the quiet p99 was 260 ms in a loaded CI run). A
 * session that a flood really reaches waits seconds, far past either.
 */
export function allowedSlowdownMs(quietP99: number): number {
  return Math.max(100, quietP99);
}
