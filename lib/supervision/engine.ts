import { z } from 'zod';
import { clientKey, freeText } from '../privacy/free-text';
import { personalDataKinds } from '../privacy-guard';
import { applyTimerCommand, startTimer, timerCommandSchemas, timerSchema } from '../workshop/timer';
import { roundSchema, type Round } from './template';
import { agreementSchema } from './outcome';

/**
 * The rounds engine of a kollegaveiledning: server-authoritative state kept inside the live
 * session's state, changed only through `decideSupervision`. Pure: time, actors and the
 * privacy guard's verdicts come in as data, so every rule is unit-tested.
 */

export const MAX_MEMBERS = 8;
export const MIN_MEMBERS = 3;

export const memberRoles = ['participant', 'case_owner', 'referent', 'co_lead'] as const;
export type MemberRole = (typeof memberRoles)[number];

const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(memberRoles),
  /**
   * Set for a member who goes by no name of their own (an anonymous workshop, an erased name):
   * each client then shows "Deltaker N" in its own language. `name` holds the bokmål label for
   * what is stored and reported.
   */
  number: z.number().int().positive().optional(),
});
export type Member = z.infer<typeof memberSchema>;

const turnSchema = z.object({
  /** Who speaks, in order; `queue[index]` has the word, `index === queue.length` means done. */
  queue: z.array(z.string()),
  index: z.number().int().nonnegative(),
  /** Those who passed ("står over") in this go-around. */
  passed: z.array(z.string()),
});
export type Turn = z.infer<typeof turnSchema>;

export const caseSchema = z.object({
  framlegg: freeText(5000).min(1),
  question: freeText(500).min(1),
});
export type SupervisionCase = z.infer<typeof caseSchema>;

export const supervisionRuntimeSchema = z.object({
  /** The workshop activity this kollegaveiledning runs as; absent when it runs standalone. */
  activityId: z.string().optional(),
  /** The standing group this meeting belongs to (its agreements carry over), if any. */
  groupId: z.uuid().nullable(),
  templateName: z.string(),
  allowSkip: z.boolean(),
  rounds: z.array(roundSchema),
  /** −1 = opening (ground rules, roles, the case); rounds.length = closing (evaluation). */
  current: z.number().int(),
  /** Members in speaking order. */
  members: z.array(memberSchema),
  case: caseSchema.nullable(),
  timer: timerSchema.nullable(),
  turn: turnSchema.nullable(),
  /** The agreements ("til neste gang") from the group's previous meeting. */
  previousAgreements: z.array(agreementSchema),
});
export type SupervisionRuntime = z.infer<typeof supervisionRuntimeSchema>;

export function startSupervision(init: { groupId: string | null; templateName: string; allowSkip: boolean; rounds: Round[]; previousAgreements: SupervisionRuntime['previousAgreements'] }): SupervisionRuntime {
  return { ...init, current: -1, members: [], case: null, timer: null, turn: null };
}

const memberId = clientKey(60);
export const supervisionCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('previous') }),
  z.object({ type: z.literal('goTo'), index: z.number().int().min(-1).max(13) }),
  ...timerCommandSchemas,
  z.object({ type: z.literal('setRole'), memberId, role: z.enum(memberRoles) }),
  z.object({ type: z.literal('setOrder'), memberIds: z.array(memberId).max(MAX_MEMBERS) }),
  z.object({ type: z.literal('turnNext') }),
  z.object({ type: z.literal('turnSkip') }),
  z.object({ type: z.literal('turnPass') }),
  z.object({ type: z.literal('turnRestart') }),
  z.object({ type: z.literal('setCase'), case: caseSchema }),
]);
export type SupervisionCommand = z.infer<typeof supervisionCommandSchema>;

export type SupervisionActor = { kind: 'facilitator' } | { kind: 'participant'; participantId: string };
export type SupervisionErrorCode = 'FORBIDDEN' | 'BAD_REQUEST' | 'NOT_FOUND' | 'ROUND_ORDER' | 'CASE_OWNER_MISSING' | 'PERSONAL_DATA' | 'CASE_LOCKED';
export type SupervisionDecision = { ok: true; next: SupervisionRuntime } | { ok: false; code: SupervisionErrorCode };

export const currentRound = (rt: SupervisionRuntime): Round | null => rt.rounds[rt.current] ?? null;
export const memberOf = (rt: SupervisionRuntime, id: string) => rt.members.find((m) => m.id === id) ?? null;
export const caseOwner = (rt: SupervisionRuntime) => rt.members.find((m) => m.role === 'case_owner') ?? null;
export const inClosing = (rt: SupervisionRuntime) => rt.current >= rt.rounds.length;

/** The facilitator who opened the meeting leads it; a participant made co-lead leads too. */
export function isLeader(rt: SupervisionRuntime, actor: SupervisionActor): boolean {
  return actor.kind === 'facilitator' || memberOf(rt, actor.participantId)?.role === 'co_lead';
}

/** Who has the word now, and who is next, in a turn round. */
export function speakers(rt: SupervisionRuntime): { now: string | null; next: string | null } {
  if (!rt.turn) return { now: null, next: null };
  return { now: rt.turn.queue[rt.turn.index] ?? null, next: rt.turn.queue[rt.turn.index + 1] ?? null };
}

function audience(rt: SupervisionRuntime, who: Round['speakers']): string[] {
  if (who === 'all') return rt.members.map((m) => m.id);
  if (who === 'case_owner') return rt.members.filter((m) => m.role === 'case_owner').map((m) => m.id);
  return rt.members.filter((m) => m.role !== 'case_owner').map((m) => m.id);
}

/** Whether someone may add to a round's notes: scribes always, others as the round says. */
export function canWriteNotes(rt: SupervisionRuntime, actor: SupervisionActor, roundId: string): boolean {
  if (isLeader(rt, actor)) return true;
  if (actor.kind !== 'participant') return false;
  const member = memberOf(rt, actor.participantId);
  const round = rt.rounds.find((r) => r.id === roundId);
  if (!member || !round) return false;
  if (member.role === 'referent') return true;
  return currentRound(rt)?.id === roundId && audience(rt, round.writers).includes(member.id);
}

/** The case owner only listens in a round they may not write in (the reflection round). */
export function listeningOnly(rt: SupervisionRuntime, participantId: string): boolean {
  const round = currentRound(rt);
  return memberOf(rt, participantId)?.role === 'case_owner' && round !== null && !audience(rt, round.writers).includes(participantId);
}

/** Learning points and agreements are written in the last round and at the closing. */
export const outcomeOpen = (rt: SupervisionRuntime) => rt.current >= rt.rounds.length - 1;

function enter(rt: SupervisionRuntime, index: number, now: number): SupervisionRuntime {
  const round = rt.rounds[index];
  if (!round) return { ...rt, current: index, timer: null, turn: null };
  const turn = round.turnBased ? { queue: audience(rt, round.speakers), index: 0, passed: [] } : null;
  return { ...rt, current: index, timer: startTimer(round.minutes * 60_000, now), turn };
}

/** Gives the word to the one after the current speaker. */
const advanceTurn = (turn: Turn, passed = false): Turn => ({
  ...turn,
  index: Math.min(turn.queue.length, turn.index + 1),
  passed: passed ? [...turn.passed, turn.queue[turn.index] ?? ''].filter(Boolean) : turn.passed,
});

export function decideSupervision(rt: SupervisionRuntime, command: SupervisionCommand, actor: SupervisionActor, ctx: { now: number }): SupervisionDecision {
  const ok = (next: SupervisionRuntime): SupervisionDecision => ({ ok: true, next });
  const leader = isLeader(rt, actor);
  const self = actor.kind === 'participant' ? actor.participantId : null;

  // What a participant may do without leading: pass their own turn, write the case they own.
  if (!leader) {
    const mayPass = command.type === 'turnPass' && self !== null && speakers(rt).now === self;
    const mayWriteCase = command.type === 'setCase' && self !== null && caseOwner(rt)?.id === self;
    if (!mayPass && !mayWriteCase) return { ok: false, code: 'FORBIDDEN' };
  }

  switch (command.type) {
    case 'next':
      if (inClosing(rt)) return { ok: false, code: 'BAD_REQUEST' };
      if (rt.current === -1 && !caseOwner(rt)) return { ok: false, code: 'CASE_OWNER_MISSING' };
      return ok(enter(rt, rt.current + 1, ctx.now));
    case 'previous':
      // Stepping back one round undoes a slip; it never jumps ahead.
      if (rt.current < 0) return { ok: false, code: 'BAD_REQUEST' };
      return ok(enter(rt, rt.current - 1, ctx.now));
    case 'goTo': {
      if (command.index > rt.rounds.length) return { ok: false, code: 'NOT_FOUND' };
      if (command.index === rt.current + 1) return decideSupervision(rt, { type: 'next' }, actor, ctx);
      if (!rt.allowSkip) return { ok: false, code: 'ROUND_ORDER' };
      if (command.index >= 0 && !caseOwner(rt)) return { ok: false, code: 'CASE_OWNER_MISSING' };
      return ok(enter(rt, command.index, ctx.now));
    }
    case 'timerStart':
    case 'timerPause':
    case 'timerResume':
    case 'timerExtend': {
      const timer = applyTimerCommand(rt.timer, command, ctx.now);
      return timer ? ok({ ...rt, timer }) : { ok: false, code: 'BAD_REQUEST' };
    }
    case 'setRole':
      return setRole(rt, command.memberId, command.role);
    case 'setOrder': {
      const ids = command.memberIds;
      const same = ids.length === rt.members.length && new Set(ids).size === ids.length && ids.every((id) => memberOf(rt, id));
      if (!same) return { ok: false, code: 'BAD_REQUEST' };
      return ok({ ...rt, members: ids.map((id) => memberOf(rt, id)!) });
    }
    case 'turnNext':
      if (!rt.turn || rt.turn.index >= rt.turn.queue.length) return { ok: false, code: 'BAD_REQUEST' };
      return ok({ ...rt, turn: advanceTurn(rt.turn) });
    case 'turnPass':
      if (!rt.turn || rt.turn.index >= rt.turn.queue.length) return { ok: false, code: 'BAD_REQUEST' };
      return ok({ ...rt, turn: advanceTurn(rt.turn, true) });
    case 'turnSkip': {
      // Someone not ready (or away) is skipped for now and gets the word at the end.
      const turn = rt.turn;
      const speaker = turn?.queue[turn.index];
      if (!turn || speaker === undefined) return { ok: false, code: 'BAD_REQUEST' };
      const queue = [...turn.queue.slice(0, turn.index), ...turn.queue.slice(turn.index + 1), speaker];
      return ok({ ...rt, turn: { ...turn, queue } });
    }
    case 'turnRestart': {
      const round = currentRound(rt);
      if (!round?.turnBased) return { ok: false, code: 'BAD_REQUEST' };
      return ok({ ...rt, turn: { queue: audience(rt, round.speakers), index: 0, passed: [] } });
    }
    case 'setCase':
      // The case is settled once the clarifying questions begin.
      if (rt.current > 0) return { ok: false, code: 'CASE_LOCKED' };
      if (personalDataKinds(`${command.case.framlegg}\n${command.case.question}`).length > 0) return { ok: false, code: 'PERSONAL_DATA' };
      return ok({ ...rt, case: command.case });
  }
}

function setRole(rt: SupervisionRuntime, id: string, role: MemberRole): SupervisionDecision {
  const member = memberOf(rt, id);
  if (!member) return { ok: false, code: 'NOT_FOUND' };
  // The case owner is fixed once the case is on the table.
  const touchesOwner = role === 'case_owner' || member.role === 'case_owner';
  if (touchesOwner && rt.current >= 0 && member.role !== role) return { ok: false, code: 'CASE_LOCKED' };
  const unique = role === 'case_owner' || role === 'referent';
  const members = rt.members.map((m) => {
    if (m.id === id) return { ...m, role };
    return unique && m.role === role ? { ...m, role: 'participant' as const } : m;
  });
  const next = { ...rt, members };
  // A new case owner brings a new case: the old one was someone else's.
  return { ok: true, next: role === 'case_owner' && member.role !== 'case_owner' ? { ...next, case: null } : next };
}

/** The bokmål label of an anonymous member, as stored; clients show their own language's. */
export const anonymousMemberName = (number: number) => `Deltaker ${number}`;

/**
 * Seats someone who joins under `name`, or under an anonymous `number`; returns null when
 * nothing changes (already seated so, or full).
 */
export function seatMember(rt: SupervisionRuntime, id: string, as: string | { number: number }): SupervisionRuntime | null {
  const label = typeof as === 'string' ? { name: as } : { name: anonymousMemberName(as.number), number: as.number };
  const known = memberOf(rt, id);
  if (known) {
    if (known.name === label.name && known.number === label.number) return null;
    const relabelled: Member = { id, role: known.role, ...label };
    return { ...rt, members: rt.members.map((m) => (m.id === id ? relabelled : m)) };
  }
  if (rt.members.length >= MAX_MEMBERS) return null;
  return { ...rt, members: [...rt.members, { id, ...label, role: 'participant' }] };
}
