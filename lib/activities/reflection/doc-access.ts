import { fail, ok, type Result } from '../../errors';
import type { YjsDocRef } from '../../protocol';
import type { DocMember, DocSession } from '../contract';
import { groupOf } from '../current';
import { silentFor } from './silent';

const isReflection = (session: DocSession, activityId: string) => session.state.workshop?.activities.some((a) => a.id === activityId && a.kind === 'reflection') ?? false;

/**
 * A group's board: its members write, facilitators write (moderation, scribing), the big
 * screen only reads. While silent writing lasts, members write their own drafts instead.
 */
export function reflectionDocAccess(session: DocSession, m: DocMember, ref: YjsDocRef, now: number): Result<{ readOnly: boolean }> {
  if (ref.kind === 'draft') return draftAccess(session, m, ref, now);
  if (ref.kind !== 'board') return fail('NOT_FOUND', 'not a board');
  if (m.role === 'presenter') return ok({ readOnly: true });
  if (m.role === 'facilitator') return ok({ readOnly: false });
  const runtime = session.state.workshop;
  if (!runtime || !isReflection(session, ref.activityId)) return fail('NOT_FOUND', 'no such board');
  if (groupOf(runtime, m.participantId ?? '')?.id !== ref.groupId) return fail('FORBIDDEN', 'not your group');
  return ok({ readOnly: session.status === 'ended' || runtime.locked || silentFor(runtime, session.status, ref.activityId, now) });
}

/**
 * A member's draft during silent writing: only that member and facilitators open it (never the
 * big screen or the rest of the group); the member writes only while silent writing lasts.
 */
function draftAccess(session: DocSession, m: DocMember, ref: Extract<YjsDocRef, { kind: 'draft' }>, now: number): Result<{ readOnly: boolean }> {
  if (m.role === 'presenter') return fail('FORBIDDEN', 'drafts are private');
  const runtime = session.state.workshop;
  if (!runtime || !isReflection(session, ref.activityId)) return fail('NOT_FOUND', 'no such board');
  const ended = session.status === 'ended';
  if (m.role === 'facilitator') return ok({ readOnly: ended });
  if (m.participantId !== ref.participantId) return fail('FORBIDDEN', 'not your draft');
  if (groupOf(runtime, ref.participantId)?.id !== ref.groupId) return fail('FORBIDDEN', 'not your group');
  return ok({ readOnly: ended || runtime.locked || !silentFor(runtime, session.status, ref.activityId, now) });
}
