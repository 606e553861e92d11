/**
 * Runs `task` every `everyMs` (and once at once with `atStart`) until closed; `close` stops the
 * timer and waits for a run in progress, so the database can close after it. `task` handles its
 * own errors. The timer does not keep the process alive.
 */
export function runPeriodically(task: () => Promise<unknown>, everyMs: number, { atStart = false } = {}) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (!stopped) running = task();
  };
  if (atStart) tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async close(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
