import { participantNumbers } from '@/lib/participant-number';
import { presenceChanges } from '@/lib/presence';
import type { Presence, PresenceEntry } from '@/lib/protocol';
import { serverEvents } from '@/lib/protocol';
import type { Logger } from '../logger';
import { createKeyedQueue } from '../services/keyed-queue';
import type { LiveService } from '../services/live-service';
import { facilitatorRoom, sessionRoom, type VerkstedIo } from './rooms';

/** At most one presence broadcast per session this often, however many phones come and go. */
export const PRESENCE_INTERVAL_MS = 400;
/** How soon the first change after a quiet spell goes out. */
const FIRST_DELAY_MS = 50;

interface SessionPresence {
  /** What facilitators were last told, to send them only what changed. */
  published: Map<string, PresenceEntry>;
  /** Facilitator connections that have had the whole list. */
  primed: Set<string>;
}

/**
 * Who is connected, derived from socket.io's rooms rather than kept in a map, so it stays
 * right with a cluster adapter later. Changes are coalesced (a room of 2,000 phones
 * reconnecting after a Wi-Fi drop makes a handful of broadcasts, not 2,000) and facilitators
 * get only the changed entries, so a change costs bytes in proportion to itself, not to the
 * room: a facilitator's connection gets the whole list once, when it arrives.
 */
export function createPresence(io: VerkstedIo, live: LiveService, log: Logger) {
  const sessions = new Map<string, SessionPresence>();
  const scheduled = new Set<string>();
  const lastAt = new Map<string, number>();
  // One broadcast at a time per session, so deltas always follow each other in order.
  const serially = createKeyedQueue();

  async function publish(sessionId: string) {
    const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
    if (sockets.length === 0) {
      sessions.delete(sessionId);
      lastAt.delete(sessionId);
      return;
    }
    const connected = new Set(sockets.flatMap((s) => (s.data.membership?.participantId ? [s.data.membership.participantId] : [])));
    const rows = await live.listParticipants(sessionId);
    const numbers = participantNumbers(rows);
    const entries: PresenceEntry[] = rows.map((p) => ({
      participantId: p.id,
      displayName: p.displayName,
      connected: connected.has(p.id),
      joinedAt: p.joinedAt.toISOString(),
      number: numbers.get(p.id),
    }));
    const counts = { sessionId, connectedCount: connected.size, joinedCount: rows.length };
    const state = sessions.get(sessionId) ?? { published: new Map(), primed: new Set() };
    sessions.set(sessionId, state);

    const facilitators = new Set(sockets.filter((s) => s.data.membership?.role === 'facilitator').map((s) => s.id));
    const newcomers = [...facilitators].filter((id) => !state.primed.has(id));
    const changes = presenceChanges(state.published, entries);
    const delta: Presence = { ...counts, changes };
    io.to(facilitatorRoom(sessionId)).except(newcomers).emit(serverEvents.presence, delta);
    if (newcomers.length > 0) io.to(newcomers).emit(serverEvents.presence, { ...counts, participants: entries });
    io.to(sessionRoom(sessionId)).except(facilitatorRoom(sessionId)).emit(serverEvents.presence, counts);

    state.published = new Map(entries.map((e) => [e.participantId, e]));
    state.primed = facilitators;
  }

  return {
    /**
     * Participants with at least one open connection to the session now: on every process (with
     * the Redis adapter; groups are formed from them), or only on this one (`here`: for what every
     * process does for its own connections).
     */
    async connectedParticipantIds(sessionId: string, where: 'everywhere' | 'here' = 'everywhere'): Promise<string[]> {
      const sockets = await (where === 'here' ? io.local : io).in(sessionRoom(sessionId)).fetchSockets();
      return [...new Set(sockets.flatMap((s) => (s.data.membership?.participantId ? [s.data.membership.participantId] : [])))];
    },

    /** Schedules one presence broadcast for the session, no sooner than the interval allows. */
    changed(sessionId: string) {
      if (scheduled.has(sessionId)) return;
      scheduled.add(sessionId);
      const delay = Math.max(FIRST_DELAY_MS, (lastAt.get(sessionId) ?? 0) + PRESENCE_INTERVAL_MS - Date.now());
      setTimeout(() => {
        scheduled.delete(sessionId);
        lastAt.set(sessionId, Date.now());
        serially(sessionId, () => publish(sessionId)).catch((err: unknown) => log.error({ err, sessionId }, 'presence broadcast failed'));
      }, delay);
    },
  };
}
