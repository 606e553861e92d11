import { z } from 'zod';
import { busChannels, type Bus } from '../bus';

/** The per-session views a process sends its own connections after data changed in the database. */
export type SessionView = 'results' | 'outcome' | 'qsortProgress' | 'qsortScreen';

const refresh = z.object({ view: z.enum(['results', 'outcome', 'qsortProgress', 'qsortScreen']), sessionId: z.string().uuid() });

/** Sends a session's view to this process's connections now; with `everywhere`, to every process's. */
export interface ViewRefresh {
  (sessionId: string): void;
  /** Only here: for changes every process hears of by itself (a committed session state). */
  here(sessionId: string): void;
}

/**
 * Makes `send` (which reads what it sends from the database) run in every process: here at once,
 * elsewhere when the bus brings the request. Answers are taken by the process a phone is
 * connected to, but the facilitator's console and the screen may be connected to another.
 */
export function everywhere(bus: Bus, view: SessionView, send: (sessionId: string) => void): ViewRefresh {
  bus.subscribe(busChannels.views, (payload) => {
    const parsed = refresh.safeParse(payload);
    if (parsed.success && parsed.data.view === view) send(parsed.data.sessionId);
  });
  const run = (sessionId: string) => {
    send(sessionId);
    bus.publish(busChannels.views, { view, sessionId });
  };
  return Object.assign(run, { here: send });
}
