import { createHmac } from 'node:crypto';
import { participantViewKeys, viewFor, type Audience, type MemberAlias } from '@/lib/live-view';
import { serverEvents, type SessionSnapshot, type SnapshotView } from '@/lib/protocol';
import { facilitatorRoom, participantRoom, participantsRoom, presenterRoom, type VerkstedIo } from './rooms';

export { participantRoom, participantsRoom, presenterRoom, roomsOf } from './rooms';

/**
 * Sends each audience of a session its own view of the state (lib/live-view.ts): facilitators
 * the whole state, screens and participants a view without other participants' ids. Views are
 * made once per distinct audience (one per group or seat), and all go out synchronously, so
 * successive changes still reach every connection in order.
 */
export function createAudienceViews(secret: string) {
  const key = createHmac('sha256', secret).update('verksted:member-alias:v1').digest();
  const aliasFor = (sessionId: string): MemberAlias => (participantId) =>
    `m-${createHmac('sha256', key).update(`${sessionId}:${participantId}`).digest('base64url').slice(0, 16)}`;

  function snapshotFor(snapshot: SessionSnapshot, audience: Audience): SnapshotView {
    return { ...snapshot, state: viewFor(snapshot.state, audience, aliasFor(snapshot.sessionId)) };
  }

  function broadcast(io: VerkstedIo, snapshot: SessionSnapshot): void {
    const { sessionId } = snapshot;
    io.local.to(facilitatorRoom(sessionId)).emit(serverEvents.snapshot, snapshot);
    io.local.to(presenterRoom(sessionId)).emit(serverEvents.snapshot, snapshotFor(snapshot, { role: 'presenter' }));
    const distinct: string[] = [];
    for (const ids of participantViewKeys(snapshot.state).values()) {
      const rooms = ids.map((id) => participantRoom(sessionId, id));
      distinct.push(...rooms);
      io.local.to(rooms).emit(serverEvents.snapshot, snapshotFor(snapshot, { role: 'participant', participantId: ids[0]! }));
    }
    // Everyone else (not in a group, not seated) sees the same view; no own id appears in it.
    io.local.to(participantsRoom(sessionId)).except(distinct).emit(serverEvents.snapshot, snapshotFor(snapshot, { role: 'participant', participantId: '' }));
  }

  return { snapshotFor, broadcast };
}
export type AudienceViews = ReturnType<typeof createAudienceViews>;
