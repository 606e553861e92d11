import { fail, ok, type Result } from '../../errors';
import type { YjsDocRef } from '../../protocol';
import { canWriteNotes } from '../../supervision/engine';
import type { DocMember, DocSession } from '../contract';
import { nestedIsCurrent } from '../current';

/**
 * A round's notes: everyone in the meeting reads every round's notes, who writes follows the
 * template; inside a workshop they are written only while the kollegaveiledning is the current step.
 */
export function roundNotesAccess(session: DocSession, m: DocMember, ref: YjsDocRef): Result<{ readOnly: boolean }> {
  if (ref.kind !== 'round-notes') return fail('NOT_FOUND', 'not round notes');
  if (m.role === 'presenter') return ok({ readOnly: true });
  const { state } = session;
  const supervision = state.supervision;
  if (!supervision?.rounds.some((r) => r.id === ref.roundId)) return fail('NOT_FOUND', 'no such round');
  const actor = m.role === 'facilitator' ? { kind: 'facilitator' as const } : { kind: 'participant' as const, participantId: m.participantId ?? '' };
  if (m.role === 'participant' && !supervision.members.some((x) => x.id === m.participantId)) return fail('FORBIDDEN', 'not a member');
  const current = nestedIsCurrent(state.workshop, supervision);
  return ok({ readOnly: session.status === 'ended' || !current || !canWriteNotes(supervision, actor, ref.roundId) });
}
