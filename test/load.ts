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
