import { z } from 'zod';
import { trustedParse } from './privacy/free-text';
import { guarded } from './privacy/free-text';
import { DEFAULT_PARTICIPANT_CAP, MAX_PARTICIPANT_CAP } from './participant-cap';
import { decideSystem, isSystemCommand, type SystemActor, type SystemCommand } from './live-system-commands';
import { decideQsort, qsortCommandSchema, qsortRuntimeSchema } from './qsort/runtime';
import { decideSupervision, supervisionCommandSchema, supervisionRuntimeSchema, type SupervisionErrorCode } from './supervision/engine';
import { followAgenda, nestedIsCurrent, type Seatable } from './workshop/nested';
import { currentActivity, decideWorkshop, workshopCommandSchema, workshopRuntimeSchema, type WorkshopContext } from './workshop/runtime';

export { DEFAULT_PARTICIPANT_CAP, MAX_PARTICIPANT_CAP };
const participantCapSchema = z.number().int().min(1).max(MAX_PARTICIPANT_CAP);

const summarySchema = z.object({ screen: z.boolean(), phones: z.boolean() });

/**
 * Pure rules of the live-session control plane, shared by server and client.
 * Activities (findings round, group reflection, Q-sort, rounds) add their own state under
 * `activity` later; this core owns what every session has.
 */
export const liveSessionStateSchema = z.object({
  /** Whether new participants may join with the code. */
  joinOpen: z.boolean(),
  /**
   * How many participants may join; people already in (same cookie) always get back in.
   * Sessions opened before the cap existed get the default.
   */
  participantCap: participantCapSchema.default(DEFAULT_PARTICIPANT_CAP),
  /** A short message from the facilitator shown on every participant's screen. */
  message: z.string().max(500).nullable(),
  /** The running workshop, when the session runs one (null for a plain session). */
  workshop: workshopRuntimeSchema.nullable().default(null),
  /** The running kollegaveiledning, when the session is one. */
  supervision: supervisionRuntimeSchema.nullable().default(null),
  /** The running Q-sort, when the session is one. */
  qsort: qsortRuntimeSchema.nullable().default(null),
  /**
   * What a workshop's room may see of its results (lib/results/session-results.ts), public rules
   * only: `screen`, the big screen shows the closing summary; `phones`, the facilitator lets
   * the phones show a short summary once the session has ended. Off until the facilitator says so.
   */
  summary: summarySchema.default({ screen: false, phones: false }),
  /**
   * How many pages the facilitator has turned the big screen on (signed: back is −1). The screen
   * applies the change since it last looked to whatever it is paging (comments, themes, factors,
   * the summary), so the console steps the room's pages without knowing how many there are.
   */
  screenTurns: z.number().int().default(0),
});
export type LiveSessionState = z.infer<typeof liveSessionStateSchema>;

/** A session's stored state, read as the server wrote it (see `trustedParse`). */
export const readLiveState = (stored: unknown): LiveSessionState => trustedParse(() => liveSessionStateSchema.parse(stored));
export const safeReadLiveState = (stored: unknown) => trustedParse(() => liveSessionStateSchema.safeParse(stored));

export const initialLiveSessionState = (): LiveSessionState => ({
  joinOpen: true,
  participantCap: DEFAULT_PARTICIPANT_CAP,
  message: null,
  workshop: null,
  supervision: null,
  qsort: null,
  summary: { screen: false, phones: false },
  screenTurns: 0,
});

export const liveCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setMessage'), message: guarded(z.string().trim().max(500)).nullable() }),
  z.object({ type: z.literal('setJoinOpen'), open: z.boolean() }),
  z.object({ type: z.literal('setParticipantCap'), cap: participantCapSchema }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('workshop'), command: workshopCommandSchema }),
  z.object({ type: z.literal('supervision'), command: supervisionCommandSchema }),
  z.object({ type: z.literal('qsort'), command: qsortCommandSchema }),
  /** A workshop's closing summary on the big screen, on or off; also after the session ended. */
  z.object({ type: z.literal('showSummary'), show: z.boolean() }),
  /** Whether phones show a short summary once the session has ended; also settable after. */
  z.object({ type: z.literal('setPhoneSummary'), on: z.boolean() }),
  /** The big screen to its next (1) or previous (−1) page, from the console. */
  z.object({ type: z.literal('turnScreenPage'), step: z.union([z.literal(1), z.literal(-1)]) }),
]);
export type LiveCommand = z.infer<typeof liveCommandSchema>;

export { isSystemCommand, systemActor, type SystemActor, type SystemCommand } from './live-system-commands';
/** Everything `decide` takes: what clients send and what only the server issues. */
export type SessionCommand = LiveCommand | SystemCommand;

export type Actor = { kind: 'facilitator'; userId: string } | { kind: 'participant'; participantId: string };

export type SessionStatus = 'open' | 'ended';

export interface SessionCore {
  status: SessionStatus;
  state: LiveSessionState;
}

export type Decision =
  | { ok: true; next: SessionCore }
  | { ok: false; code: 'FORBIDDEN' | 'SESSION_ENDED' | 'CONFLICT' | SupervisionErrorCode };

/**
 * Facts a decision may depend on, passed in so `decide` stays pure and testable. The
 * connected participants carry their display names so a kollegaveiledning activity can
 * seat them when the workshop enters it.
 */
export type DecideContext = WorkshopContext & { participants: (WorkshopContext['participants'][number] & Seatable)[] };

/**
 * Decides what a command does to a session. No I/O: the room persists and broadcasts. A
 * decision whose `next` is `session` itself changes nothing, so nothing is written.
 */
export function decide(session: SessionCore, command: SessionCommand, actor: Actor | SystemActor, ctx: DecideContext): Decision {
  // System commands come from the server only, and the server sends nothing else as itself.
  if (isSystemCommand(command) !== (actor.kind === 'system')) return { ok: false, code: 'FORBIDDEN' };
  if (isSystemCommand(command)) {
    const state = decideSystem(session.state, session.status === 'ended', command);
    return { ok: true, next: state ? { ...session, state } : session };
  }
  if (actor.kind === 'system') return { ok: false, code: 'FORBIDDEN' };
  // An ended Q-sort can still be shown and interpreted: the analysis often comes after the sorting.
  const interpreting = command.type === 'qsort' && command.command.type !== 'setOpen';
  // The results are shown when the workshop is over, so the summary switches outlive the session.
  const summarising = command.type === 'showSummary' || command.type === 'setPhoneSummary' || command.type === 'turnScreenPage';
  if (session.status === 'ended' && !interpreting && !summarising) return { ok: false, code: 'SESSION_ENDED' };
  if (command.type === 'workshop') {
    if (!session.state.workshop) return { ok: false, code: 'BAD_REQUEST' };
    const decided = decideWorkshop(session.state.workshop, command.command, actor, ctx);
    if (!decided.ok) return decided;
    // A Q-sort or kollegaveiledning on the agenda is set up (or wound down) as the room moves.
    const moved = currentActivity(decided.next)?.id !== currentActivity(session.state.workshop)?.id;
    const room = moved ? followAgenda(session.state, decided.next, () => ctx.participants) : { workshop: decided.next };
    return { ok: true, next: { ...session, state: { ...session.state, ...room } } };
  }
  if (command.type === 'supervision') {
    if (!session.state.supervision) return { ok: false, code: 'BAD_REQUEST' };
    // Inside a workshop, the kollegaveiledning is steered only while it is the current step.
    if (!nestedIsCurrent(session.state.workshop, session.state.supervision)) return { ok: false, code: 'CONFLICT' };
    const decided = decideSupervision(session.state.supervision, command.command, actor, ctx);
    return decided.ok ? { ok: true, next: { ...session, state: { ...session.state, supervision: decided.next } } } : decided;
  }
  if (command.type === 'qsort') {
    if (!session.state.qsort) return { ok: false, code: 'BAD_REQUEST' };
    // After a workshop has moved on, its Q-sort stays open to analysis but not to more sorting.
    const reopening = command.command.type === 'setOpen' && command.command.open;
    if (reopening && !nestedIsCurrent(session.state.workshop, session.state.qsort)) return { ok: false, code: 'CONFLICT' };
    const decided = decideQsort(session.state.qsort, command.command, actor);
    return decided.ok ? { ok: true, next: { ...session, state: { ...session.state, qsort: decided.next } } } : decided;
  }
  if (actor.kind !== 'facilitator') return { ok: false, code: 'FORBIDDEN' };
  switch (command.type) {
    case 'setMessage':
      return { ok: true, next: { ...session, state: { ...session.state, message: command.message || null } } };
    case 'setJoinOpen':
      return { ok: true, next: { ...session, state: { ...session.state, joinOpen: command.open } } };
    case 'setParticipantCap':
      // Lowering the cap below those already in turns nobody out; it only stops new joins.
      return { ok: true, next: { ...session, state: { ...session.state, participantCap: command.cap } } };
    case 'end':
      return { ok: true, next: { status: 'ended', state: { ...session.state, joinOpen: false } } };
    case 'showSummary':
    case 'setPhoneSummary': {
      // Only a workshop has results to summarise.
      if (!session.state.workshop) return { ok: false, code: 'BAD_REQUEST' };
      const summary = command.type === 'showSummary' ? { ...session.state.summary, screen: command.show } : { ...session.state.summary, phones: command.on };
      return { ok: true, next: { ...session, state: { ...session.state, summary } } };
    }
    case 'turnScreenPage': {
      const screenTurns = session.state.screenTurns + command.step;
      if (!Number.isSafeInteger(screenTurns)) return { ok: false, code: 'BAD_REQUEST' };
      return { ok: true, next: { ...session, state: { ...session.state, screenTurns } } };
    }
  }
}
