import type { DocMember as KindDocMember, DocSession } from './activities/contract';
import { activityModules } from './activities/registry';
import { fail, ok, type Result } from './errors';
import { parseYjsDocName, type YjsDocRef } from './protocol';

/**
 * Who may open which Yjs document, and whether they may write: pure rules over a committed
 * state of the session. The session's shared notes are the room's; every other document belongs
 * to an activity kind, whose `docs.access` (lib/activities/<kind>/) decides. The server's realtime
 * layer applies them (server/realtime/doc-access.ts) when a token is asked for, when a connection
 * opens, and after every committed change.
 */

/** The part of a connection's membership that access depends on. */
export type DocMember = KindDocMember;

export interface DocAccess {
  readOnly: boolean;
}

/** What access depends on: a committed state of the session (from a database row or a snapshot). */
export type SessionFacts = DocSession;

/** Access of a token's subject (`u:<userId>` / `p:<participantId>`) to a document, as judged against one state. */
export type DocJudge = (docName: string, subject: string) => Result<DocAccess>;

/** Who may open a document and write in it, judged over a state already at hand, at time `now`. Pure. */
export function docAccess(session: SessionFacts, m: DocMember, ref: YjsDocRef, now = Date.now()): Result<DocAccess> {
  if (ref.kind === 'session-notes') return ok({ readOnly: m.role === 'presenter' || (session.status === 'ended' && m.role === 'participant') });
  const owner = docOwners.get(ref.kind);
  return owner ? owner.access(session, m, ref, now) : fail('NOT_FOUND', 'unknown document');
}

const docOwners = new Map(activityModules.flatMap((m) => (m.docs ? m.docs.refKinds.map((kind) => [kind, m.docs!] as const) : [])));

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
