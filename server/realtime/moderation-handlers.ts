import { fail } from '@/lib/errors';
import { clientEvents } from '@/lib/protocol';
import type { Logger } from '../logger';
import type { Moderation } from './moderation';
import type { Revocation } from './revocation';
import { handleEvent } from './socket-handler';
import type { VerkstedSocket } from './rooms';

/** Redaction and erasure by facilitators, withdrawal by a participant: parse, identify, act, ack. */
export function registerModerationHandlers(socket: VerkstedSocket, moderation: Moderation, access: Revocation, log: Logger) {
  /** The caller, if a facilitator of `sessionId` who may still write in its project. */
  async function facilitatorOf(sessionId: string) {
    const m = socket.data.membership;
    if (!m || m.sessionId !== sessionId || m.role !== 'facilitator') return fail('FORBIDDEN', 'facilitators of this session only');
    const member = await access.member(socket, 'write');
    return member.ok ? { ok: true as const, projectId: m.projectId, userId: member.data.userId } : member;
  }

  handleEvent(socket, clientEvents.redact, async (req) => {
    const caller = await facilitatorOf(req.sessionId);
    if (!caller.ok) return caller;
    return moderation.redact(caller.projectId, req.sessionId, req.target, { kind: 'user', userId: caller.userId });
  }, log);

  handleEvent(socket, clientEvents.eraseParticipant, async (req) => {
    const caller = await facilitatorOf(req.sessionId);
    if (!caller.ok) return caller;
    return moderation.eraseNumbered(caller.projectId, req.sessionId, req.number, caller.userId);
  }, log);

  handleEvent(socket, clientEvents.withdrawAll, async () => {
    const m = socket.data.membership;
    if (!m?.participantId) return fail('NOT_JOINED', 'only participants withdraw their contributions');
    return moderation.withdrawAll(m.projectId, m.sessionId, m.participantId);
  }, log);
}
