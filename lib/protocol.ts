import { z } from 'zod';
import { guarded, opaque } from './privacy/free-text';
import type { ArchiveStatus } from './archive-status';
import type { AppError, ErrorCode } from './errors';
import type { QsortProgress } from './qsort/progress';
import { liveCommandSchema, liveSessionStateSchema } from './live-session';
import { publicSessionStateSchema } from './live-view';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './join-code';
import type { AnalysisStep, QResult } from './qmethod/types';
import type { FactorAdvice } from './qmethod/factor-advice';
import type { PublicAnalysis } from './qsort/analysis';
import type { SupervisionOutcome } from './supervision/outcome';
import type { MyAnswers } from './workshop/answers';
import type { ActivityResults, AnsweredCount } from './workshop/results';
import type { ClientEvent, EventInput, EventOutput } from './socket-events';

/**
 * The socket.io control plane: every event in both directions, shared by client and server.
 * Client → server events carry an acknowledgement callback answered with `Ack<T>`.
 * docs/protocol.md lists who may send what.
 */
export const clientEvents = {
  join: 'session:join',
  command: 'session:command',
  updateSelf: 'participant:update',
  yjsToken: 'yjs:token',
  workshopContent: 'workshop:content',
  respond: 'workshop:respond',
  withdraw: 'workshop:withdraw',
  mine: 'workshop:mine',
  supervisionOutcome: 'supervision:outcome',
  qsortMine: 'qsort:mine',
  qsortSave: 'qsort:save',
  qsortHelp: 'qsort:help',
  qsortResolveHelp: 'qsort:resolveHelp',
  qsortAnalyze: 'qsort:analyze',
  qsortKeepFactors: 'qsort:keepFactors',
  qsortCancelAnalysis: 'qsort:cancelAnalysis',
  qsortAddPaperSort: 'qsort:addPaperSort',
  qsortImportSorts: 'qsort:importSorts',
  qsortMerge: 'qsort:merge',
  resumeLink: 'participant:resumeLink',
  archiveRetry: 'archive:retry',
  redact: 'moderation:redact',
  eraseParticipant: 'moderation:eraseParticipant',
  withdrawAll: 'participant:withdrawAll',
} as const;

export const serverEvents = {
  snapshot: 'session:snapshot',
  presence: 'presence',
  results: 'workshop:results',
  answered: 'workshop:answered',
  supervisionOutcome: 'supervision:outcome',
  qsortProgress: 'qsort:progress',
  qsortPublic: 'qsort:public',
  qsortAnalysisStep: 'qsort:analysisStep',
  accessEnded: 'access:ended',
  archiveStatus: 'archive:status',
  mineChanged: 'workshop:mineChanged',
  myAnswers: 'workshop:myAnswers',
} as const;

const uuid = z.uuid();
export const joinCodeSchema = z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
export const displayNameSchema = guarded(z.string().trim().min(1).max(60));

// --- client → server -------------------------------------------------------

export const joinRequestSchema = z.discriminatedUnion('as', [
  /** A project member opening the facilitator console (needs the auth cookie). */
  z.object({ as: z.literal('facilitator'), sessionId: uuid }),
  /** A participant who has joined over HTTP (needs the participant cookie for that session). */
  z.object({ as: z.literal('participant'), code: joinCodeSchema }),
  /** The big screen: a project member's browser showing the public view, no controls. */
  z.object({ as: z.literal('presenter'), sessionId: uuid }),
]);
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const commandRequestSchema = z.object({ sessionId: uuid, command: liveCommandSchema });
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export const updateSelfRequestSchema = z.object({ displayName: displayNameSchema.nullable() });
export type UpdateSelfRequest = z.infer<typeof updateSelfRequestSchema>;

/** Facilitators: run the session's archive again now (after a failure). */
export const archiveRetryRequestSchema = z.object({ sessionId: uuid });

/**
 * Facilitators: take one contribution's text out everywhere. `item`: a stored answer or
 * feedback item by id; `word`: one word of a word cloud; `note`: a note on a board or in a
 * draft; `passage`: every occurrence of a passage in shared notes (session or round notes).
 * The word and the passage only find what is stored, so they are not checked for personal data.
 */
export const redactTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), itemId: uuid }),
  z.object({ type: z.literal('word'), activityId: uuid, word: opaque(z.string().min(1).max(200)) }),
  z.object({ type: z.literal('note'), docName: opaque(z.string().min(1).max(200)), noteId: opaque(z.string().min(1).max(100)) }),
  z.object({ type: z.literal('passage'), docName: opaque(z.string().min(1).max(200)), text: opaque(z.string().min(1).max(4000)) }),
]);
export type RedactTarget = z.infer<typeof redactTargetSchema>;
export const redactRequestSchema = z.object({ sessionId: uuid, target: redactTargetSchema });

/** Facilitators: delete everything participant "Deltaker N" contributed in the session. */
export const eraseParticipantRequestSchema = z.object({ sessionId: uuid, number: z.number().int().min(1).max(100_000) });

/** What erasing or withdrawing removed (rows per table, notes from boards, drafts emptied). */
export interface ErasedContributions {
  feedbackItems: number;
  qsorts: number;
  notes: number;
  drafts: number;
}

export const yjsTokenRequestSchema = z.object({ docName: opaque(z.string().min(1).max(200)) });
export type YjsTokenRequest = z.infer<typeof yjsTokenRequestSchema>;

// --- server → client -------------------------------------------------------

export const sessionSnapshotSchema = z.object({
  sessionId: uuid,
  projectId: uuid,
  code: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.enum(['open', 'ended']),
  /** Grows by one with every committed change; clients drop snapshots older than theirs. */
  version: z.number().int().positive(),
  state: liveSessionStateSchema,
  /** The server's clock when this snapshot was sent, so clients count down to `endsAt` right. */
  serverNow: z.number(),
});
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;
/**
 * A snapshot as it goes out: the full state to facilitators, the public view (lib/live-view.ts)
 * to the screen and the phones. Clients read the workshop through `workshopViewOf`.
 */
export const snapshotViewSchema = sessionSnapshotSchema.extend({ state: z.union([liveSessionStateSchema, publicSessionStateSchema]) });
export type SnapshotView = z.infer<typeof snapshotViewSchema>;

export const presenceEntrySchema = z.object({
  participantId: uuid,
  /** null for anonymous participants: nobody, facilitators included, sees who they are. */
  displayName: z.string().nullable(),
  connected: z.boolean(),
  joinedAt: z.string(),
  /** "Deltaker N" (lib/participant-number.ts), for facilitators to name someone without a name. */
  number: z.number().int().positive().optional(),
});
export type PresenceEntry = z.infer<typeof presenceEntrySchema>;

/**
 * Facilitators get the whole list once after joining (`participants`) and then only the
 * entries that changed (`changes`); participants and the screen get the counts only.
 */
export const presenceSchema = z.object({
  sessionId: uuid,
  connectedCount: z.number().int().nonnegative(),
  joinedCount: z.number().int().nonnegative(),
  participants: z.array(presenceEntrySchema).optional(),
  changes: z.array(presenceEntrySchema).optional(),
});
export type Presence = z.infer<typeof presenceSchema>;

export const joinResultSchema = z.object({
  role: z.enum(['facilitator', 'participant', 'presenter']),
  participantId: uuid.nullable(),
  displayName: z.string().nullable(),
  /** Opaque key a participant's notes carry so their phone recognises them (not the id). */
  authorKey: z.string().nullable(),
  snapshot: snapshotViewSchema,
});
export type JoinResult = z.infer<typeof joinResultSchema>;

export interface YjsTokenResult {
  token: string;
  /** Epoch milliseconds; the client asks again before it passes. */
  expiresAt: number;
  /** On a board or draft, the key a participant's notes there must carry; otherwise null. */
  authorKey: string | null;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError };
export type AckCallback<T> = (response: Ack<T>) => void;

/** The findings a workshop shows, sent once after joining (cards for phones and the screen). */
export interface FindingCard {
  id: string;
  title: string;
  summary: string;
  quotes: string[];
  reflectionQuestion: string;
  theme: string;
}

/**
 * Client → server events, typed from the one table in lib/socket-events.ts (payload schema and
 * answer type), so neither can drift between the server's handlers and the client's calls.
 */
export type ClientToServerEvents = { [E in ClientEvent]: (payload: EventInput<E>, ack: AckCallback<EventOutput<E>>) => void };

/** The facilitator's view of an analysis: the engine's result, the scree and the sorts' ids. */
export interface QsortAnalysis {
  result: QResult;
  scree: number[];
  /** Help with choosing k beside the scree: Kaiser, Humphrey's rule, parallel analysis. */
  advice: Omit<FactorAdvice, 'eigenvalues'>;
  sortIds: string[];
  /** `sortSetKey(sortIds)`: the exports of this analysis carry it, and are refused if the sorts changed since. */
  sortSet: string;
}

/**
 * A participant's own answers, pushed: `joined` right after joining, `step` when the workshop
 * moved to another step, `redacted` when a facilitator took the text of one of them out (the
 * phone's forms start again from these answers and say so).
 */
export interface MineChanged {
  answers: MyAnswers;
  reason: 'joined' | 'step' | 'redacted';
}

/**
 * Why a connection's access ended: removed from the project (ACCESS_ENDED), signed out
 * (UNAUTHENTICATED), the session was deleted (SESSION_DELETED) or the participant continued on
 * another device (DEVICE_MOVED).
 */
export type AccessEndedCode = Extract<ErrorCode, 'ACCESS_ENDED' | 'UNAUTHENTICATED' | 'SESSION_DELETED' | 'DEVICE_MOVED'>;

export interface ServerToClientEvents {
  [serverEvents.snapshot]: (snapshot: SnapshotView) => void;
  [serverEvents.presence]: (presence: Presence) => void;
  /** Results of the current activity: complete for facilitators, public view for others. */
  [serverEvents.results]: (results: ActivityResults | null) => void;
  /** Everyone: how many have answered the current activity (from the minimum count up), shown before reveal. */
  [serverEvents.answered]: (answered: AnsweredCount | null) => void;
  /** A kollegaveiledning's learning points and agreements so far, to everyone in it. */
  [serverEvents.supervisionOutcome]: (outcome: SupervisionOutcome) => void;
  /** Facilitators of a Q-sort: how many sort, have finished, and who asked for help. */
  [serverEvents.qsortProgress]: (progress: QsortProgress) => void;
  /** Everyone in a Q-sort: what the screen shows (factor arrays, distinguishing statements), or null. */
  [serverEvents.qsortPublic]: (analysis: PublicAnalysis | null) => void;
  /** The facilitator who asked for an analysis: the step it has reached (a large one takes seconds). */
  [serverEvents.qsortAnalysisStep]: (progress: { step: AnalysisStep }) => void;
  /** This connection no longer takes part in its session; the page shows `errors.<code>`. */
  [serverEvents.accessEnded]: (ended: { sessionId: string | null; code: AccessEndedCode }) => void;
  /** Facilitators: each step of keeping boards and notes as feedback, failures included. */
  [serverEvents.archiveStatus]: (status: ArchiveStatus) => void;
  /** A participant: a facilitator redacted one of your answers; here are your answers as they now stand. */
  [serverEvents.mineChanged]: (changed: MineChanged) => void;
  /** A participant: your own answers, pushed on joining and whenever the workshop moves to another step. */
  [serverEvents.myAnswers]: (changed: MineChanged) => void;
}

// --- Yjs document names ----------------------------------------------------

/** Yjs documents live at `/yjs/<name>`. Each name says what the document belongs to. */
export type YjsDocRef =
  | { kind: 'session-notes'; sessionId: string }
  | { kind: 'board'; sessionId: string; activityId: string; groupId: string }
  /** One member's private notes while silent writing lasts; merged into the board after. */
  | { kind: 'draft'; sessionId: string; activityId: string; groupId: string; participantId: string }
  | { kind: 'round-notes'; sessionId: string; roundId: string };

const sessionNotesPattern = /^live\.([0-9a-f-]{36})\.notes$/;
const roundNotesPattern = /^live\.([0-9a-f-]{36})\.round\.([a-z0-9_-]{1,40})$/;
const boardPattern = /^live\.([0-9a-f-]{36})\.board\.([0-9a-f-]{36})\.(g\d{1,3})$/;
const draftPattern = /^live\.([0-9a-f-]{36})\.draft\.([0-9a-f-]{36})\.(g\d{1,3})\.([0-9a-f-]{36})$/;

export function sessionNotesDocName(sessionId: string): string {
  return `live.${sessionId}.notes`;
}

/** The shared notes of one kollegaveiledning round. */
export function roundNotesDocName(sessionId: string, roundId: string): string {
  return `live.${sessionId}.round.${roundId}`;
}

export function parseYjsDocName(name: string): YjsDocRef | null {
  const round = roundNotesPattern.exec(name);
  if (round && uuid.safeParse(round[1]).success) return { kind: 'round-notes', sessionId: round[1]!, roundId: round[2]! };
  const notes = sessionNotesPattern.exec(name);
  if (notes && uuid.safeParse(notes[1]).success) return { kind: 'session-notes', sessionId: notes[1]! };
  const board = boardPattern.exec(name);
  if (board && uuid.safeParse(board[1]).success && uuid.safeParse(board[2]).success) {
    return { kind: 'board', sessionId: board[1]!, activityId: board[2]!, groupId: board[3]! };
  }
  const draft = draftPattern.exec(name);
  if (draft && [draft[1], draft[2], draft[4]].every((id) => uuid.safeParse(id).success)) {
    return { kind: 'draft', sessionId: draft[1]!, activityId: draft[2]!, groupId: draft[3]!, participantId: draft[4]! };
  }
  return null;
}

/** Close codes the Yjs endpoint uses when it refuses a connection. */
export const yjsCloseCodes = { unauthorized: 4401, forbidden: 4403, notFound: 4404, flooding: 4429, loadFailed: 4500 } as const;

/**
 * y-websocket message types beyond sync (0), awareness (1), auth (2) and query-awareness (3):
 * `refused` carries a `YjsRefusalCode` (lib/yjs/limits.ts) as a var-string when the server did
 * not take an update; the writer's document has then diverged and must be synced afresh.
 */
export const yjsMessageTypes = { refused: 100 } as const;
