import { z } from 'zod';
import type { WorkshopRuntime } from '../../workshop/runtime';

/**
 * Dot voting is a step of its own: the facilitator first gathers the notes into themes, then
 * opens the vote, and phones offer dots only while it is open. Voting on half-made themes (as
 * when it opened with the first theme) scatters the dots over names that are about to change.
 */
export const plenaryVotingCommandSchema = z.object({ type: z.literal('plenaryVoting'), open: z.boolean() });
export type PlenaryVotingCommand = z.infer<typeof plenaryVotingCommandSchema>;

export type VotingDecision = { ok: true; next: WorkshopRuntime } | { ok: false; code: 'BAD_REQUEST' };

/**
 * Opens or closes the vote of the current plenary. Only while a plenary is the current step,
 * and opening needs a theme to vote on. Idempotent: opening an open vote changes nothing, so
 * a double press (or a resend after a lost ack) is not an error. Who may send it is checked
 * before this, with every other facilitator command (`decideWorkshop`).
 */
export function decidePlenaryVoting(rt: WorkshopRuntime, command: PlenaryVotingCommand): VotingDecision {
  if (rt.activities[rt.current]?.kind !== 'plenary') return { ok: false, code: 'BAD_REQUEST' };
  if (command.open && rt.clusters.length === 0) return { ok: false, code: 'BAD_REQUEST' };
  return { ok: true, next: rt.votingOpen === command.open ? rt : { ...rt, votingOpen: command.open } };
}

export type BallotRefusal = { code: 'CONFLICT'; reason: string } | { code: 'BAD_REQUEST'; reason: string };

/**
 * Whether a participant's ballot may be stored now: the vote must be open, every dot on a
 * theme that exists, and no more dots than the plenary gives. Null when it may.
 */
export function ballotRefusal(rt: Pick<WorkshopRuntime, 'votingOpen' | 'clusters'>, dotVotes: number, votes: Readonly<Record<string, number>>): BallotRefusal | null {
  if (!rt.votingOpen) return { code: 'CONFLICT', reason: 'voting is not open' };
  const used = Object.values(votes).reduce((a, b) => a + b, 0);
  const known = new Set(rt.clusters.map((c) => c.id));
  if (used > dotVotes || Object.keys(votes).some((k) => !known.has(k))) return { code: 'BAD_REQUEST', reason: 'too many dots or unknown clusters' };
  return null;
}
