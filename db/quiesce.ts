/**
 * Waits until nothing has used the database for `quietMs` (or `maxMs` passed), so closing it
 * does not pull the floor from under work still in flight: a socket handler between two
 * queries, an audit write, a presence broadcast scheduled by the last disconnect. The quiet
 * window is longer than the realtime layer's coalescing delays (50–60 ms), so broadcasts
 * those delays schedule run before the database goes.
 */
export async function waitUntilQuiet(busy: () => number, { quietMs = 150, maxMs = 5_000, stepMs = 10 } = {}): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  let quietSince = busy() === 0 ? Date.now() : null;
  while (Date.now() < deadline) {
    if (busy() > 0) quietSince = null;
    else quietSince ??= Date.now();
    if (quietSince !== null && Date.now() - quietSince >= quietMs) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return busy() === 0;
}

/** Wraps an object's async methods so `active()` counts calls still running. */
export function countActiveCalls<T extends object>(target: T, methods: readonly (keyof T)[]): () => number {
  let active = 0;
  for (const method of methods) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    const call = original.bind(target) as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(target, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        active += 1;
        return call(...args).finally(() => {
          active -= 1;
        });
      },
    });
  }
  return () => active;
}
