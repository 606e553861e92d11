/**
 * Who may do what changed outside the live session itself: a member was removed, an auth
 * session was signed out, a project was archived. Services publish; the realtime layer listens
 * and lets go of open connections. In one process this is a set of listeners; with several
 * processes the same interface sits on PostgreSQL LISTEN/NOTIFY or a Redis channel (payloads
 * are plain JSON for that reason), and every privileged event rechecks access anyway.
 */
export type AccessChange =
  /** `userId` is no longer a member of `projectId`. */
  | { kind: 'member-removed'; projectId: string; userId: string }
  /** The auth session whose key (hash of its cookie token) is `authKey` ended. */
  | { kind: 'signed-out'; userId: string; authKey: string }
  /** `projectId` was archived: its live sessions take no more facilitator commands or writes. */
  | { kind: 'project-archived'; projectId: string }
  /** These sessions of `projectId` were deleted (alone, with their workshop or their project). */
  | { kind: 'sessions-deleted'; projectId: string; sessionIds: string[] };

import { busChannels, type Bus } from '../bus';

export interface AccessChanges {
  /** Tells every listener (in every process, once it is a channel). Never throws. */
  publish(change: AccessChange): void;
  /** Called for every change published after this; returns the unsubscribe. */
  subscribe(listener: (change: AccessChange) => void): () => void;
}

/** A project's deletion may name hundreds of sessions: sent in parts that fit a NOTIFY payload. */
function inParts(change: AccessChange): AccessChange[] {
  if (change.kind !== 'sessions-deleted' || change.sessionIds.length <= 100) return [change];
  const parts: AccessChange[] = [];
  for (let i = 0; i < change.sessionIds.length; i += 100) parts.push({ ...change, sessionIds: change.sessionIds.slice(i, i + 100) });
  return parts;
}

/**
 * Tells this process's listeners at once and, through `bus`, every other process's (whose
 * listeners hear it when it arrives). Without a bus: this process only.
 */
export function createAccessChanges(onError: (err: unknown) => void, bus?: Bus): AccessChanges {
  const listeners = new Set<(change: AccessChange) => void>();
  const tell = (change: AccessChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (err) {
        onError(err);
      }
    }
  };
  bus?.subscribe(busChannels.access, (payload) => tell(payload as AccessChange));
  return {
    publish(change) {
      tell(change);
      for (const part of inParts(change)) bus?.publish(busChannels.access, part);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
