import type { Presence } from '@/lib/protocol';
import { serverEvents } from '@/lib/protocol';
import type { Logger } from '../logger';
import type { LiveService } from '../services/live-service';
import { facilitatorRoom, sessionRoom, type VerkstedIo } from './socket-server';

/**
 * Who is connected, derived from socket.io's rooms rather than kept in a map, so it stays
 * right with a cluster adapter later. Changes are coalesced: a room of 150 phones
 * reconnecting after a Wi-Fi drop produces a handful of broadcasts, not 150.
 */
export function createPresence(io: VerkstedIo, live: LiveService, log: Logger) {
  const scheduled = new Set<string>();

  async function publish(sessionId: string) {
    const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
    const connected = new Set(sockets.flatMap((s) => (s.data.membership?.participantId ? [s.data.membership.participantId] : [])));
    const rows = await live.listParticipants(sessionId);
    const counts = { sessionId, connectedCount: connected.size, joinedCount: rows.length };
    const full: Presence = {
      ...counts,
      participants: rows.map((p) => ({
        participantId: p.id,
        displayName: p.displayName,
        connected: connected.has(p.id),
        joinedAt: p.joinedAt.toISOString(),
      })),
    };
    io.to(facilitatorRoom(sessionId)).emit(serverEvents.presence, full);
    io.to(sessionRoom(sessionId)).except(facilitatorRoom(sessionId)).emit(serverEvents.presence, counts);
  }

  return {
    /** Participants with at least one open connection to the session now. */
    async connectedParticipantIds(sessionId: string): Promise<string[]> {
      const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
      return [...new Set(sockets.flatMap((s) => (s.data.membership?.participantId ? [s.data.membership.participantId] : [])))];
    },

    /** Schedules one presence broadcast for the session within 50 ms. */
    changed(sessionId: string) {
      if (scheduled.has(sessionId)) return;
      scheduled.add(sessionId);
      setTimeout(() => {
        scheduled.delete(sessionId);
        publish(sessionId).catch((err: unknown) => log.error({ err, sessionId }, 'presence broadcast failed'));
      }, 50);
    },
  };
}
