import { z } from 'zod';
import { archiveStatusSchema } from '@/lib/archive-status';
import { busChannels, type Bus } from '../bus';
import type { Logger } from '../logger';
import type { ArchiveService } from './archive-service';
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

/**
 * Archive runs across processes: every status this process publishes goes on the bus, and a
 * facilitator's console connected to another process hears it from there.
 */
export function relayArchiveStatus(archive: ArchiveService, bus: Bus): ArchiveService {
  archive.onStatus((status) => bus.publish(busChannels.archive, status));
  return {
    ...archive,
    onStatus(listener) {
      const here = archive.onStatus(listener);
      const elsewhere = bus.subscribe(busChannels.archive, (payload) => {
        const parsed = archiveStatusSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
      return () => {
        here();
        elsewhere();
      };
    },
  };
}
