import { z } from 'zod';
import { decideWorkshop, workshopCommandSchema, workshopRuntimeSchema, type WorkshopContext } from './workshop/runtime';

/**
 * Pure rules of the live-session control plane, shared by server and client.
 * Activities (findings round, group reflection, Q-sort, rounds) add their own state under
 * `activity` later; this core owns what every session has.
 */
export const liveSessionStateSchema = z.object({
  /** Whether new participants may join with the code. */
  joinOpen: z.boolean(),
  /** A short message from the facilitator shown on every participant's screen. */
  message: z.string().max(500).nullable(),
  /** The running workshop, when the session runs one (null for a plain session). */
  workshop: workshopRuntimeSchema.nullable().default(null),
});
export type LiveSessionState = z.infer<typeof liveSessionStateSchema>;

export const initialLiveSessionState = (): LiveSessionState => ({ joinOpen: true, message: null, workshop: null });

export const liveCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setMessage'), message: z.string().trim().max(500).nullable() }),
  z.object({ type: z.literal('setJoinOpen'), open: z.boolean() }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('workshop'), command: workshopCommandSchema }),
]);
export type LiveCommand = z.infer<typeof liveCommandSchema>;

export type Actor = { kind: 'facilitator'; userId: string } | { kind: 'participant'; participantId: string };

export type SessionStatus = 'open' | 'ended';

export interface SessionCore {
  status: SessionStatus;
  state: LiveSessionState;
}

export type Decision =
  | { ok: true; next: SessionCore }
  | { ok: false; code: 'FORBIDDEN' | 'SESSION_ENDED' | 'BAD_REQUEST' | 'NOT_FOUND' };

/** Facts a decision may depend on, passed in so `decide` stays pure and testable. */
export type DecideContext = WorkshopContext;

/** Decides what a command does to a session. No I/O: the room persists and broadcasts. */
export function decide(session: SessionCore, command: LiveCommand, actor: Actor, ctx: DecideContext): Decision {
  if (session.status === 'ended') return { ok: false, code: 'SESSION_ENDED' };
  if (command.type === 'workshop') {
    if (!session.state.workshop) return { ok: false, code: 'BAD_REQUEST' };
    const decided = decideWorkshop(session.state.workshop, command.command, actor, ctx);
    return decided.ok ? { ok: true, next: { ...session, state: { ...session.state, workshop: decided.next } } } : decided;
  }
  if (actor.kind !== 'facilitator') return { ok: false, code: 'FORBIDDEN' };
  switch (command.type) {
    case 'setMessage':
      return { ok: true, next: { ...session, state: { ...session.state, message: command.message || null } } };
    case 'setJoinOpen':
      return { ok: true, next: { ...session, state: { ...session.state, joinOpen: command.open } } };
    case 'end':
      return { ok: true, next: { status: 'ended', state: { ...session.state, joinOpen: false } } };
  }
}
