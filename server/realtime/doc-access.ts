import { fail, ok, type Result } from '@/lib/errors';
import { liveSessionStateSchema } from '@/lib/live-session';
import { parseYjsDocName } from '@/lib/protocol';
import { canWriteNotes } from '@/lib/supervision/engine';
import { groupOf } from '@/lib/workshop/runtime';
import type { LiveService } from '../services/live-service';
import type { Membership } from './socket-server';

/**
 * Who may open which Yjs document, and whether they may write. Boards belong to a group:
 * its members write, facilitators write (moderation, scribing), the big screen only reads.
 * After a session ends, participants keep read access to what they wrote together.
 */
export async function authoriseDoc(live: LiveService, m: Membership, docName: string): Promise<Result<{ readOnly: boolean }>> {
  const ref = parseYjsDocName(docName);
  if (!ref) return fail('NOT_FOUND', 'unknown document');
  if (m.sessionId !== ref.sessionId) return fail('FORBIDDEN', 'not in this session');
  const session = await live.byId(ref.sessionId);
  if (!session) return fail('NOT_FOUND', 'no such session');
  const ended = session.status === 'ended';
  if (m.role === 'presenter') return ok({ readOnly: true });
  if (ref.kind === 'session-notes') return ok({ readOnly: ended && m.role === 'participant' });
  if (ref.kind === 'round-notes') {
    const supervision = liveSessionStateSchema.parse(session.state).supervision;
    if (!supervision?.rounds.some((r) => r.id === ref.roundId)) return fail('NOT_FOUND', 'no such round');
    const actor = m.role === 'facilitator' ? { kind: 'facilitator' as const } : { kind: 'participant' as const, participantId: m.participantId ?? '' };
    // Everyone in the meeting reads every round's notes; who writes follows the template.
    if (m.role === 'participant' && !supervision.members.some((x) => x.id === m.participantId)) return fail('FORBIDDEN', 'not a member');
    return ok({ readOnly: ended || !canWriteNotes(supervision, actor, ref.roundId) });
  }
  if (m.role === 'facilitator') return ok({ readOnly: false });
  const runtime = liveSessionStateSchema.parse(session.state).workshop;
  if (!runtime?.activities.some((a) => a.id === ref.activityId && a.kind === 'reflection')) return fail('NOT_FOUND', 'no such board');
  if (groupOf(runtime, m.participantId ?? '')?.id !== ref.groupId) return fail('FORBIDDEN', 'not your group');
  return ok({ readOnly: ended || runtime.locked });
}
