import type { Presence, PresenceEntry } from './protocol';

const same = (a: PresenceEntry, b: PresenceEntry) => a.displayName === b.displayName && a.connected === b.connected;

/** The entries of `next` that are new or differ from `previous` (the server's delta). */
export function presenceChanges(previous: ReadonlyMap<string, PresenceEntry>, next: readonly PresenceEntry[]): PresenceEntry[] {
  return next.filter((entry) => {
    const before = previous.get(entry.participantId);
    return !before || !same(before, entry);
  });
}

/**
 * What a client shows after a presence message: a full list replaces what it had, changes
 * update or append entries in join order, and a count-only message keeps the list it had.
 */
export function mergePresence(current: Presence | null, incoming: Presence): Presence {
  const { changes, ...rest } = incoming;
  if (incoming.participants) return rest;
  if (!changes || !current?.participants) return current?.participants ? { ...rest, participants: current.participants } : rest;
  const byId = new Map(current.participants.map((p) => [p.participantId, p]));
  for (const entry of changes) byId.set(entry.participantId, entry);
  return { ...rest, participants: [...byId.values()] };
}
