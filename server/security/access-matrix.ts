import type { EventSenders } from '@/lib/activities/contract';
import { kindEvents } from '@/lib/activities/registry';
import type { ErrorCode } from '@/lib/errors';
import type { clientEvents, YjsDocRef } from '@/lib/protocol';
import type { ClientEvent } from '@/lib/socket-events';

/**
 * Who may use what, in one table: every HTTP route, page that needs a user, server action,
 * socket.io client event and Yjs document kind, for each kind of caller. Tests walk every cell
 * against a real server (`access-matrix.integration.test.ts`) and fail when something exists in
 * the code without a row here (`access-matrix.test.ts`).
 *
 * "A" is the project (and its live session) being reached for; "B" another project with its own
 * session, whose people must not reach into A.
 */
export const matrixActors = [
  /** Nobody: no cookies at all. */
  'anonymous',
  /** Joined session A over HTTP and the socket (participant cookie of A, no account). */
  'participantA',
  /** Joined session B only. */
  'participantB',
  /** Signed-in member (owner) of project A, in session A's console. */
  'facilitatorA',
  /** Signed-in member of project B only, in session B's console. */
  'facilitatorB',
  /** Was a member of A with session A's console open, then removed from the project. */
  'removedA',
  /** Signed in as a member of A once; that auth session has been signed out. */
  'signedOut',
] as const;
export type MatrixActor = (typeof matrixActors)[number];

/**
 * `allow`: used as intended. `read-only` (Yjs): admitted, changes ignored. `own-session`: allowed,
 * but it acts only on the session the caller joined, which the payload cannot name (so B's people
 * act on B, never A). An error code: refused with that code.
 */
export type Verdict = 'allow' | 'read-only' | 'own-session' | ErrorCode;
export type AccessRow = Readonly<Record<MatrixActor, Verdict>>;

const row = (r: AccessRow): AccessRow => r;

/** Anyone, signed in or not: the page or call itself carries what it needs (a code, a token). */
const everyone = row({ anonymous: 'allow', participantA: 'allow', participantB: 'allow', facilitatorA: 'allow', facilitatorB: 'allow', removedA: 'allow', signedOut: 'allow' });
/** Any signed-in user, for their own things (their project list, a new project). */
const signedIn = row({ anonymous: 'UNAUTHENTICATED', participantA: 'UNAUTHENTICATED', participantB: 'UNAUTHENTICATED', facilitatorA: 'allow', facilitatorB: 'allow', removedA: 'allow', signedOut: 'UNAUTHENTICATED' });
/** Members of project A only; others do not learn that it exists. */
const membersOfA = row({ anonymous: 'UNAUTHENTICATED', participantA: 'UNAUTHENTICATED', participantB: 'UNAUTHENTICATED', facilitatorA: 'allow', facilitatorB: 'NOT_FOUND', removedA: 'NOT_FOUND', signedOut: 'UNAUTHENTICATED' });

/** The custom server's JSON endpoints (`server/http/api.ts`) and Next route handlers (`app/**\/route.ts`). */
export const httpAccess: Readonly<Record<string, AccessRow>> = {
  'GET /api/health': everyone,
  /** The join code is the capability; anyone who has it may join (and then is a participant). */
  'POST /api/sessions/join': everyone,
  /** The one-use resume token is the capability. */
  'POST /api/sessions/resume': everyone,
  'GET /prosjekter/[id]/live/[sessionId]/eksport': membersOfA,
  /** Owners only (facilitatorA owns A; a facilitator who is no owner gets FORBIDDEN: backup.integration.test.ts). */
  'GET /prosjekter/[id]/sikkerhetskopi': membersOfA,
  'GET /prosjekter/[id]/prosjekt-json': membersOfA,
  /** Any account may restore a backup: it becomes a new project of its own. */
  'POST /prosjekter/gjenopprett': signedIn,
  /** The big screen's closing summary of a workshop session of A, while the facilitator shows it. */
  'GET /skjerm/[sessionId]/oppsummering': membersOfA,
  /**
   * A phone's short summary: its participant cookie for the session, after the end and when the
   * facilitator allowed it. Session A is open, so even A's participant is refused here; the
   * allowed path is walked in server/services/session-results.integration.test.ts.
   */
  'GET /delta/oppsummering/[sessionId]': row({ anonymous: 'NOT_JOINED', participantA: 'FORBIDDEN', participantB: 'NOT_JOINED', facilitatorA: 'NOT_JOINED', facilitatorB: 'NOT_JOINED', removedA: 'NOT_JOINED', signedOut: 'NOT_JOINED' }),
  /** Reports and raw data files (docx, pdf, xlsx, csv) of the project, a workshop or a session. */
  'GET /prosjekter/[id]/rapport': membersOfA,
  /** OpenID Connect sign-in (`server/http/oidc-routes.ts`): the provider decides who signs in. */
  'GET /auth/oidc/start': everyone,
  /** The state cookie of the browser that started, with the provider's code, is the capability. */
  'GET /auth/oidc/callback': everyone,
};

/** Pages that need a user (`requireUser`): a signed-out caller is sent to sign in, a non-member gets 404. */
export const pageAccess: Readonly<Record<string, AccessRow>> = {
  '/prosjekter': signedIn,
  '/prosjekter/[id]': membersOfA,
  '/prosjekter/[id]/funn': membersOfA,
  '/prosjekter/[id]/funn/[findingId]': membersOfA,
  '/prosjekter/[id]/kollegaveiledning': membersOfA,
  '/prosjekter/[id]/kollegaveiledning/maler/[templateId]': membersOfA,
  '/prosjekter/[id]/live/[sessionId]': membersOfA,
  '/prosjekter/[id]/live/[sessionId]/resultater': membersOfA,
  '/prosjekter/[id]/tidslinje': membersOfA,
  '/prosjekter/[id]/tilbakemeldinger': membersOfA,
  '/prosjekter/[id]/tilbakemeldinger/tagger': membersOfA,
  '/prosjekter/[id]/utsagn': membersOfA,
  '/prosjekter/[id]/utsagn/[setId]': membersOfA,
  '/prosjekter/[id]/verksted': membersOfA,
  '/prosjekter/[id]/verksted/[workshopId]': membersOfA,
  '/skjerm/[sessionId]': membersOfA,
};

/** Server actions, `file#export` (every export of a `'use server'` module in `app/_actions`). */
export const actionAccess: Readonly<Record<string, AccessRow>> = {
  'auth-actions#setupAction': everyone,
  'auth-actions#signInAction': everyone,
  'auth-actions#registerAction': everyone,
  /** An invitation link is the capability; a signed-in account takes it up. */
  'auth-actions#acceptInvitationAction': signedIn,
  'auth-actions#signOutAction': everyone,
  'auth-actions#setLocaleAction': everyone,
  'project-actions#createProjectAction': signedIn,
  'project-actions#updateProjectAction': membersOfA,
  /** Owner only; facilitatorA is A's owner. */
  'project-actions#setArchivedAction': membersOfA,
  /** Owner only; facilitatorA is A's owner. */
  'project-actions#deleteProjectAction': membersOfA,
  'project-actions#deleteLiveSessionAction': membersOfA,
  'project-actions#addPhaseAction': membersOfA,
  'project-actions#updatePhaseAction': membersOfA,
  'project-actions#movePhaseAction': membersOfA,
  'project-actions#deletePhaseAction': membersOfA,
  /** Owner only. */
  'project-actions#removeMemberAction': membersOfA,
  'project-actions#createInvitationAction': membersOfA,
  'project-actions#openLiveSessionAction': membersOfA,
  'finding-actions#createFindingAction': membersOfA,
  'finding-actions#updateFindingAction': membersOfA,
  'finding-actions#deleteFindingAction': membersOfA,
  'finding-actions#moveFindingAction': membersOfA,
  'finding-actions#importFindingsAction': membersOfA,
  'finding-actions#setFindingStatusAction': membersOfA,
  'qsort-actions#startQsortAction': membersOfA,
  'statement-set-actions#createStatementSetAction': membersOfA,
  'statement-set-actions#renameStatementSetAction': membersOfA,
  'statement-set-actions#deleteStatementSetAction': membersOfA,
  'statement-set-actions#addStatementAction': membersOfA,
  'statement-set-actions#updateStatementAction': membersOfA,
  'statement-set-actions#deleteStatementAction': membersOfA,
  'statement-set-actions#moveStatementAction': membersOfA,
  'statement-set-actions#importStatementsAction': membersOfA,
  'statement-set-actions#saveGridAction': membersOfA,
  'statement-set-actions#saveInstructionsAction': membersOfA,
  'supervision-actions#createGroupAction': membersOfA,
  'supervision-actions#startMeetingAction': membersOfA,
  'supervision-actions#copyTemplateAction': membersOfA,
  'supervision-actions#saveTemplateAction': membersOfA,
  'workshop-actions#createWorkshopAction': membersOfA,
  'workshop-actions#updateWorkshopAction': membersOfA,
  'workshop-actions#deleteWorkshopAction': membersOfA,
  'workshop-actions#addActivityAction': membersOfA,
  'workshop-actions#updateActivityAction': membersOfA,
  'workshop-actions#removeActivityAction': membersOfA,
  'workshop-actions#moveActivityAction': membersOfA,
  'workshop-actions#startWorkshopSessionAction': membersOfA,
  'redaction-actions#redactFeedbackItemAction': membersOfA,
  'archive-actions#tagItemAction': membersOfA,
  'archive-actions#untagItemAction': membersOfA,
  'session-results-actions#setSessionSummaryAction': membersOfA,
};

type CoreEvent = (typeof clientEvents)[keyof typeof clientEvents];

/** Not joined to anything: every event but `session:join` is refused with `code`. */
const notJoined = (code: ErrorCode) => ({ anonymous: code, signedOut: code, removedA: code });
/** Participants' own events (answers, their sort, their name): acting on the session they joined. */
const participantsOwn = (facilitatorCode: ErrorCode) =>
  row({ ...notJoined('NOT_JOINED'), participantA: 'allow', participantB: 'own-session', facilitatorA: facilitatorCode, facilitatorB: facilitatorCode });
/** Facilitators' events on the joined session (a removed member's console was let go). */
const facilitatorsOwn = (participantCode: ErrorCode, notJoinedCode: ErrorCode) =>
  row({ ...notJoined(notJoinedCode), participantA: participantCode, participantB: participantCode, facilitatorA: 'allow', facilitatorB: 'own-session' });

/** A nested session's members (participants in it) and its facilitators. */
const sessionMembers = row({ ...notJoined('NOT_JOINED'), participantA: 'allow', participantB: 'own-session', facilitatorA: 'allow', facilitatorB: 'own-session' });

/** The row of a kind's event, by who the kind says may send it (`KindEvent.senders`). */
const sendersRow: Readonly<Record<EventSenders, AccessRow>> = {
  participants: participantsOwn('NOT_JOINED'),
  sessionMembers,
  facilitators: facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
};

/** Core socket.io client events (`clientEvents`); the typecheck fails when one has no row. */
const coreSocketAccess: Readonly<Record<CoreEvent, AccessRow>> = {
  /** Joining session A: participants with A's participant cookie, project members as facilitator. */
  'session:join': row({ anonymous: 'UNAUTHENTICATED', participantA: 'allow', participantB: 'NOT_JOINED', facilitatorA: 'allow', facilitatorB: 'NOT_FOUND', removedA: 'NOT_FOUND', signedOut: 'UNAUTHENTICATED' }),
  /** A command naming session A (setting the room's message: facilitators only). */
  'session:command': row({ ...notJoined('NOT_JOINED'), participantA: 'FORBIDDEN', participantB: 'NOT_JOINED', facilitatorA: 'allow', facilitatorB: 'NOT_JOINED' }),
  'participant:update': participantsOwn('NOT_JOINED'),
  'participant:resumeLink': participantsOwn('NOT_JOINED'),
  /** A token for a document of session A (its shared notes); per document kind see `yjsAccess`. */
  'yjs:token': row({ ...notJoined('FORBIDDEN'), participantA: 'allow', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
  /** The findings the joined session's workshop shows (none in a Q-sort session). */
  'workshop:content': row({ ...notJoined('NOT_JOINED'), participantA: 'allow', participantB: 'own-session', facilitatorA: 'allow', facilitatorB: 'own-session' }),
  'workshop:respond': participantsOwn('NOT_JOINED'),
  'workshop:withdraw': participantsOwn('NOT_JOINED'),
  'workshop:mine': participantsOwn('NOT_JOINED'),
  /** Learning points and agreements: a kollegaveiledning's members and its facilitators. */
  'supervision:outcome': sessionMembers,
  'qsort:mine': participantsOwn('NOT_JOINED'),
  'qsort:save': participantsOwn('NOT_JOINED'),
  'qsort:help': participantsOwn('NOT_JOINED'),
  'qsort:resolveHelp': facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
  /** Loadings and pseudonyms: facilitators who are members now, nobody else. */
  'qsort:analyze': facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
  'qsort:keepFactors': facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
  'qsort:cancelAnalysis': facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
  /** Typing in a paper sort: facilitators who are members now, as for every write. */
  'qsort:addPaperSort': facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
  'qsort:importSorts': facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
  'qsort:merge': facilitatorsOwn('FORBIDDEN', 'FORBIDDEN'),
  /** Keeping boards and notes as feedback again after a failure: facilitators who are members now. */
  'archive:retry': row({ ...notJoined('FORBIDDEN'), participantA: 'FORBIDDEN', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
  /** Redacting a contribution of session A, erasing a participant's: facilitators of A who are members now. */
  'moderation:redact': row({ ...notJoined('FORBIDDEN'), participantA: 'FORBIDDEN', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
  'moderation:eraseParticipant': row({ ...notJoined('FORBIDDEN'), participantA: 'FORBIDDEN', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
  /** Withdrawing everything one contributed: the payload names nothing, so it is always one's own. */
  'participant:withdrawAll': participantsOwn('NOT_JOINED'),
};

/** Every socket.io client event: the core ones, and each kind's own events by their `senders`. */
export const socketAccess: Readonly<Record<ClientEvent, AccessRow>> = {
  ...coreSocketAccess,
  ...(Object.fromEntries(kindEvents.map((e) => [e.name, sendersRow[e.senders]])) as Record<Exclude<ClientEvent, CoreEvent>, AccessRow>),
};

/**
 * Yjs documents of session A (`parseYjsDocName` kinds), reached with a token from `yjs:token`
 * and admitted again by the Yjs server. The typecheck fails when a kind has no row.
 */
export const yjsAccess: Readonly<Record<YjsDocRef['kind'], AccessRow>> = {
  /** A session's shared notes: everyone in the session writes while it is open. */
  'session-notes': row({ ...notJoined('FORBIDDEN'), participantA: 'allow', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
  /** A group's reflection board: participantA is in that group. */
  board: row({ ...notJoined('FORBIDDEN'), participantA: 'allow', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
  /** A member's private draft while silent writing lasts: participantA is that member (other members: see doc-access.test.ts). */
  draft: row({ ...notJoined('FORBIDDEN'), participantA: 'allow', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
  /** A kollegaveiledning round's notes, in a round where members write. */
  'round-notes': row({ ...notJoined('FORBIDDEN'), participantA: 'allow', participantB: 'FORBIDDEN', facilitatorA: 'allow', facilitatorB: 'FORBIDDEN' }),
};
