/**
 * Retries an assertion until it holds or the time is up, instead of sleeping a fixed time.
 * The default is generous: integration files run two at a time on machines shared with other
 * work, where a stored Yjs update once took more than 5 s; a passing test never waits it out.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 15_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
