import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState, type LiveSessionState } from '@/lib/live-session';
import { parseYjsDocName, type YjsDocRef } from '@/lib/protocol';
import { activityModules } from '@/lib/activities/registry';
import type { AuthService } from '../services/auth-service';
import type { LiveService } from '../services/live-service';
import type { ProjectService } from '../services/project-service';
import type { Membership } from './socket-server';

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

/**
 * Who may open which Yjs document, and whether they may write. Boards belong to a group:
 * its members write, facilitators write (moderation, scribing), the big screen only reads.
 * After a session ends, participants keep read access to what they wrote together.
 */
export async function authoriseDoc(live: LiveService, m: Membership, docName: string): Promise<Result<DocAccess>> {
  const ref = parseYjsDocName(docName);
  if (!ref) return fail('NOT_FOUND', 'unknown document');
  if (m.sessionId !== ref.sessionId) return fail('FORBIDDEN', 'not in this session');
  const session = await live.byId(ref.sessionId);
  if (!session) return fail('NOT_FOUND', 'no such session');
  return docAccess(facts(session), m, ref);
}

/**
 * The rules of `authoriseDoc` over a state already at hand, at time `now`. Pure. The session's
 * shared notes are the room's; every other document belongs to an activity kind, whose
 * `docs.access` (lib/activities/<kind>/) decides.
 */
export function docAccess(session: SessionFacts, m: Pick<Membership, 'role' | 'participantId'>, ref: YjsDocRef, now = Date.now()): Result<DocAccess> {
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

/**
 * Rechecks a token's subject against the current state in the database when a connection opens:
 * the session's rules, for a `u:` subject that the auth session it was issued under is still
 * signed in and the user still a member (a leftover or forged user token admits nobody), and for
 * a `p:` subject that it was issued to the participant's current device (not one they left with
 * a resume link).
 */
export async function authoriseSubject(
  deps: { live: LiveService; projects: ProjectService; auth: AuthService },
  docName: string,
  subject: string,
  authKey: string | null,
): Promise<Result<DocAccess>> {
  const ref = parseYjsDocName(docName);
  if (!ref) return fail('NOT_FOUND', 'unknown document');
  const session = await deps.live.byId(ref.sessionId);
  const judged = docJudge(ref.sessionId, session && facts(session))(docName, subject);
  if (!judged.ok || !session) return judged;
  let archived: boolean;
  if (subject.startsWith('u:')) {
    const userId = subject.slice(2);
    if (!authKey || !(await deps.auth.isSignedIn(authKey, userId))) return fail('FORBIDDEN', 'not signed in');
    const access = await deps.projects.memberAccess(session.projectId, userId);
    if (!access) return fail('FORBIDDEN', 'not a member of the project');
    archived = access.archived;
  } else {
    if (!authKey || !(await deps.live.onDevice(ref.sessionId, subject.slice(2), authKey))) return fail('FORBIDDEN', 'not this device');
    archived = (await deps.projects.accessFacts(session.projectId)).archived;
  }
  return ok({ readOnly: judged.data.readOnly || archived });
}

const facts = (row: { status: string; state: unknown }): SessionFacts => ({ status: row.status, state: readLiveState(row.state) });

function subjectMembership(subject: string): Pick<Membership, 'role' | 'participantId'> | null {
  const id = subject.slice(2);
  if (!id) return null;
  if (subject.startsWith('p:')) return { role: 'participant', participantId: id };
  if (subject.startsWith('u:')) return { role: 'facilitator', participantId: null };
  return null;
}
