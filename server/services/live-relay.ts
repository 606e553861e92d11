import { z } from 'zod';
import { busChannels, type Bus } from '../bus';
import type { Logger } from '../logger';
import type { LiveService } from './live-service';

const announcement = z.object({ sessionId: z.string().uuid(), version: z.number().int() });

/**
 * Live sessions across processes: every state this process commits is announced on the bus;
 * an announcement from another process makes this one read the session and tell its own
 * listeners (snapshots to its sockets, Yjs access rechecked for its connections).
 */
export function relayLiveChanges(live: LiveService, bus: Bus, log: Logger): void {
  live.onChange((snapshot, elsewhere) => {
    if (!elsewhere) bus.publish(busChannels.live, { sessionId: snapshot.sessionId, version: snapshot.version });
  });
  bus.subscribe(busChannels.live, (payload) => {
    const parsed = announcement.safeParse(payload);
    if (!parsed.success) return log.warn({ payload }, 'unreadable live announcement');
    live.committedElsewhere(parsed.data.sessionId).catch((err: unknown) => log.error({ err, sessionId: parsed.data.sessionId }, 'relaying a live change failed'));
  });
}
