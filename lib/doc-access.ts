import { fail, ok, type Result } from './errors';
import type { LiveSessionState } from './live-session';
import { parseYjsDocName, type YjsDocRef } from './protocol';
import { canWriteNotes } from './supervision/engine';
import { nestedIsCurrent } from './workshop/nested';
import { groupOf } from './workshop/runtime';
import { silentFor } from './workshop/silent';

/**
 * Who may open which Yjs document, and whether they may write: pure rules over a committed
 * state of the session. The server's realtime layer applies them (server/realtime/doc-access.ts)
 * when a token is asked for, when a connection opens, and after every committed change.
 */

/** The part of a connection's membership that access depends on. */
export interface DocMember {
  role: 'facilitator' | 'participant' | 'presenter';
  participantId: string | null;
}

export interface DocAccess {
  readOnly: boolean;
}

/** What access depends on: a committed state of the session (from a database row or a snapshot). */
export interface SessionFacts {
  status: string;
  state: LiveSessionState;
}

/** Access of a token's subject (`u:<userId>` / `p:<participantId>`) to a document, as judged against one state. */
export type DocJudge = (docName: string, subject: string) => Result<DocAccess>;

/** Who may open a document and write in it, judged over a state already at hand, at time `now`. Pure. */
export function docAccess(session: SessionFacts, m: DocMember, ref: YjsDocRef, now = Date.now()): Result<DocAccess> {
  const ended = session.status === 'ended';
  if (ref.kind === 'draft') return draftAccess(session, m, ref, now);
  if (m.role === 'presenter') return ok({ readOnly: true });
  if (ref.kind === 'session-notes') return ok({ readOnly: ended && m.role === 'participant' });
  const { state } = session;
  if (ref.kind === 'round-notes') {
    const supervision = state.supervision;
    if (!supervision?.rounds.some((r) => r.id === ref.roundId)) return fail('NOT_FOUND', 'no such round');
    const actor = m.role === 'facilitator' ? { kind: 'facilitator' as const } : { kind: 'participant' as const, participantId: m.participantId ?? '' };
    // Everyone in the meeting reads every round's notes; who writes follows the template.
    if (m.role === 'participant' && !supervision.members.some((x) => x.id === m.participantId)) return fail('FORBIDDEN', 'not a member');
    // Inside a workshop, the notes are written only while the kollegaveiledning is the current step.
    const current = nestedIsCurrent(state.workshop, supervision);
    return ok({ readOnly: ended || !current || !canWriteNotes(supervision, actor, ref.roundId) });
  }
  if (m.role === 'facilitator') return ok({ readOnly: false });
  const runtime = state.workshop;
  if (!runtime?.activities.some((a) => a.id === ref.activityId && a.kind === 'reflection')) return fail('NOT_FOUND', 'no such board');
  if (groupOf(runtime, m.participantId ?? '')?.id !== ref.groupId) return fail('FORBIDDEN', 'not your group');
  // While silent writing lasts, members write their own drafts; the board takes them after.
  return ok({ readOnly: ended || runtime.locked || silentFor(runtime, session.status, ref.activityId, now) });
}

/**
 * A member's draft during silent writing: only that member and facilitators open it (never the
 * big screen or the rest of the group); the member writes only while silent writing lasts.
 */
function draftAccess(session: SessionFacts, m: DocMember, ref: Extract<YjsDocRef, { kind: 'draft' }>, now: number): Result<DocAccess> {
  if (m.role === 'presenter') return fail('FORBIDDEN', 'drafts are private');
  const runtime = session.state.workshop;
  if (!runtime?.activities.some((a) => a.id === ref.activityId && a.kind === 'reflection')) return fail('NOT_FOUND', 'no such board');
  const ended = session.status === 'ended';
  if (m.role === 'facilitator') return ok({ readOnly: ended });
  if (m.participantId !== ref.participantId) return fail('FORBIDDEN', 'not your draft');
  if (groupOf(runtime, ref.participantId)?.id !== ref.groupId) return fail('FORBIDDEN', 'not your group');
  return ok({ readOnly: ended || runtime.locked || !silentFor(runtime, session.status, ref.activityId, now) });
}

/**
 * Judges tokens' subjects against one committed state of a session, for rechecking open Yjs
 * connections. A `p:` subject is a participant; a `u:` subject is judged as a facilitator,
 * which only ever narrows what its token allowed (the Yjs server never widens access), so a
 * presenter's read-only connection stays read-only and a facilitator's changes only at the end.
 */
export function docJudge(sessionId: string, session: SessionFacts | null): DocJudge {
  return (docName, subject) => {
    const ref = parseYjsDocName(docName);
    if (!ref || ref.sessionId !== sessionId) return fail('NOT_FOUND', 'not a document of this session');
    if (!session) return fail('NOT_FOUND', 'no such session');
    const m = subjectMembership(subject);
    if (!m) return fail('FORBIDDEN', 'unknown subject');
    return docAccess(session, m, ref);
  };
}

/**
 * Judges subjects by who may still take part in a project: a `u:` subject that is no longer a
 * member is refused, and in an archived project everyone only reads. Allows at most what the
 * connection already has (the Yjs server never widens), so it only ever narrows.
 */
export function memberJudge(facts: { members: Set<string>; archived: boolean }): DocJudge {
  return (_docName, subject) => {
    if (subject.startsWith('u:') && !facts.members.has(subject.slice(2))) return fail('FORBIDDEN', 'not a member of the project');
    return ok({ readOnly: facts.archived });
  };
}

function subjectMembership(subject: string): DocMember | null {
  const id = subject.slice(2);
  if (!id) return null;
  if (subject.startsWith('p:')) return { role: 'participant', participantId: id };
  if (subject.startsWith('u:')) return { role: 'facilitator', participantId: null };
  return null;
}
