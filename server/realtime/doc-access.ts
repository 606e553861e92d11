import { fail, ok, type Result } from '@/lib/errors';
import { docAccess, docJudge, type DocAccess, type SessionFacts } from '@/lib/doc-access';
import { readLiveState } from '@/lib/live-session';
import { parseYjsDocName } from '@/lib/protocol';
import type { AuthService } from '../services/auth-service';
import type { LiveService } from '../services/live-service';
import type { ProjectService } from '../services/project-service';
import type { Membership } from './rooms';

// The pure rules live in lib/doc-access.ts; re-exported for existing importers.
export { docAccess, docJudge, memberJudge, type DocAccess, type DocJudge, type DocMember, type SessionFacts } from '@/lib/doc-access';

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

