import { z } from 'zod';
import { clientKey, freeText, newClientKey } from '../privacy/free-text';
import { activityInputSchema, moduleOf, preparedActivitySchema, type AgendaActivity, type PreparedActivity } from '../activities/registry';
import { formReflectionGroups } from '../activities/reflection/groups';
import { groupOf } from '../activities/current';
import type { Groupable } from './groups';
import { applyTimerCommand, startTimer, timerCommandSchemas, timerSchema } from './timer';
import { decidePlenaryVoting, plenaryVotingCommandSchema } from '../activities/plenary/voting';

export { preparedActivitySchema, type PreparedActivity } from '../activities/registry';
export { groupOf } from '../activities/current';
export { silentWritingActive } from '../activities/reflection/silent';

/**
 * The server-authoritative state of a running workshop, kept inside the live session's state.
 * It holds control data only; answers and notes live in feedback items and Yjs boards.
 */
const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Who is in the group; empty in the views sent beyond facilitators (lib/live-view.ts). */
  memberIds: z.array(z.string()),
  /** How many are in the group, set only in those views, where `memberIds` is empty. */
  memberCount: z.number().int().nonnegative().optional(),
  /** Set only in a participant's view, on the group they are in. */
  mine: z.boolean().optional(),
});
const clusterSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().max(120),
  noteIds: z.array(z.string()),
  findingId: z.uuid().nullable(),
});
export type Cluster = z.infer<typeof clusterSchema>;

export const workshopRuntimeSchema = z.object({
  workshopId: z.uuid(),
  allowNames: z.boolean(),
  minRevealCount: z.number().int().min(1),
  activities: z.array(z.intersection(activityInputSchema, z.object({ id: z.string() }))),
  /** −1 = welcome screen before the first activity. */
  current: z.number().int(),
  /** Position within a findings round. */
  findingIndex: z.number().int().nonnegative(),
  timer: timerSchema.nullable(),
  locked: z.boolean(),
  revealed: z.boolean(),
  groups: z.array(groupSchema),
  silent: z.boolean(),
  ready: z.array(z.string()),
  hiddenItems: z.array(z.string()),
  clusters: z.array(clusterSchema),
  /** Whether the current plenary's dot vote is open (lib/activities/plenary/voting.ts); closed again on every step. */
  votingOpen: z.boolean().default(false),
  /**
   * Frozen runtimes of the nested activities, by activity id: what a Q-sort or a
   * kollegaveiledning needs, frozen when the workshop starts (the statement set with its grid
   * and instructions, the template's rounds), so later edits do not reach a running workshop.
   */
  prepared: z.record(z.string(), preparedActivitySchema).default({}),
});
export type WorkshopRuntime = z.infer<typeof workshopRuntimeSchema>;

export function startWorkshop(init: { workshopId: string; allowNames: boolean; minRevealCount: number; activities: AgendaActivity[]; prepared?: Record<string, PreparedActivity> }): WorkshopRuntime {
  return { ...init, prepared: init.prepared ?? {}, current: -1, findingIndex: 0, timer: null, locked: false, revealed: false, groups: [], silent: false, ready: [], hiddenItems: [], clusters: [], votingOpen: false };
}

const id = clientKey(60);
export const workshopCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('previous') }),
  z.object({ type: z.literal('goTo'), index: z.number().int().min(-1) }),
  ...timerCommandSchemas,
  z.object({ type: z.literal('timerClear') }),
  z.object({ type: z.literal('setRevealed'), revealed: z.boolean() }),
  z.object({ type: z.literal('setLocked'), locked: z.boolean() }),
  z.object({ type: z.literal('formGroups') }),
  z.object({ type: z.literal('moveParticipant'), participantId: z.uuid(), groupId: id }),
  z.object({ type: z.literal('endSilent') }),
  z.object({ type: z.literal('setReady'), groupId: id, ready: z.boolean() }),
  z.object({ type: z.literal('setHidden'), itemId: id, hidden: z.boolean() }),
  z.object({ type: z.literal('clusterCreate'), clusterId: newClientKey(40), name: freeText(120) }),
  z.object({ type: z.literal('clusterRename'), clusterId: id, name: freeText(120) }),
  z.object({ type: z.literal('clusterDelete'), clusterId: id }),
  z.object({ type: z.literal('clusterAssign'), noteId: id, clusterId: id.nullable() }),
  z.object({ type: z.literal('clusterLink'), clusterId: id, findingId: z.uuid().nullable() }),
  plenaryVotingCommandSchema,
]);
export type WorkshopCommand = z.infer<typeof workshopCommandSchema>;

export type WorkshopActor = { kind: 'facilitator' } | { kind: 'participant'; participantId: string };
export interface WorkshopContext {
  now: number;
  /** Participants connected now, for forming groups. */
  participants: Groupable[];
  random: () => number;
  groupName: (n: number) => string;
}
export type WorkshopDecision = { ok: true; next: WorkshopRuntime } | { ok: false; code: 'FORBIDDEN' | 'BAD_REQUEST' | 'NOT_FOUND' };

export const currentActivity = (rt: WorkshopRuntime): AgendaActivity | null => rt.activities[rt.current] ?? null;

/**
 * Moving to another activity: the one left runs its `onLeave`, the per-step switches reset,
 * and the one entered sets up what it needs through its `onEnter` (lib/activities/<kind>/).
 */
function enter(rt: WorkshopRuntime, index: number, findingIndex: number, ctx: WorkshopContext): WorkshopRuntime {
  const previous = currentActivity(rt);
  const left = previous ? (moduleOf(previous)?.onLeave?.(rt, previous, ctx) ?? rt) : rt;
  const next: WorkshopRuntime = { ...left, current: index, findingIndex, revealed: false, locked: false, timer: null, ready: [], silent: false, votingOpen: false };
  const activity = currentActivity(next);
  return activity ? (moduleOf(activity)?.onEnter?.(next, activity, ctx, previous) ?? next) : next;
}

/** Positions within an activity that `next`/`previous` step through before leaving it (at least one). */
const stepsOf = (a: AgendaActivity | null) => (a ? (moduleOf(a)?.steps?.(a) ?? 0) : 0);

export function decideWorkshop(rt: WorkshopRuntime, command: WorkshopCommand, actor: WorkshopActor, ctx: WorkshopContext): WorkshopDecision {
  if (actor.kind === 'participant') {
    // The one thing a participant may change: their own group's "we are ready" flag.
    if (command.type !== 'setReady') return { ok: false, code: 'FORBIDDEN' };
    if (groupOf(rt, actor.participantId)?.id !== command.groupId) return { ok: false, code: 'FORBIDDEN' };
  }
  const activity = currentActivity(rt);
  const ok = (next: WorkshopRuntime): WorkshopDecision => ({ ok: true, next });
  switch (command.type) {
    case 'next':
      if (rt.findingIndex + 1 < stepsOf(activity)) return ok({ ...rt, findingIndex: rt.findingIndex + 1, revealed: false, locked: false });
      if (rt.current + 1 >= rt.activities.length) return { ok: false, code: 'BAD_REQUEST' };
      return ok(enter(rt, rt.current + 1, 0, ctx));
    case 'previous':
      if (rt.findingIndex > 0) return ok({ ...rt, findingIndex: rt.findingIndex - 1, revealed: false, locked: false });
      if (rt.current < 0) return { ok: false, code: 'BAD_REQUEST' };
      return ok(enter(rt, rt.current - 1, Math.max(0, stepsOf(rt.activities[rt.current - 1] ?? null) - 1), ctx));
    case 'goTo':
      if (command.index >= rt.activities.length) return { ok: false, code: 'BAD_REQUEST' };
      return ok(enter(rt, command.index, 0, ctx));
    case 'timerStart':
    case 'timerPause':
    case 'timerResume':
    case 'timerExtend': {
      const timer = applyTimerCommand(rt.timer, command, ctx.now);
      return timer ? ok({ ...rt, timer }) : { ok: false, code: 'BAD_REQUEST' };
    }
    case 'timerClear':
      return ok({ ...rt, timer: null });
    case 'setRevealed':
      return ok({ ...rt, revealed: command.revealed, silent: command.revealed ? false : rt.silent });
    case 'setLocked':
      return ok({ ...rt, locked: command.locked });
    case 'formGroups':
      if (activity?.kind !== 'reflection') return { ok: false, code: 'BAD_REQUEST' };
      return ok({ ...rt, groups: formReflectionGroups(activity.config, ctx), ready: [] });
    case 'moveParticipant': {
      if (!rt.groups.some((g) => g.id === command.groupId)) return { ok: false, code: 'NOT_FOUND' };
      const groups = rt.groups.map((g) => ({
        ...g,
        memberIds: g.id === command.groupId ? [...g.memberIds.filter((m) => m !== command.participantId), command.participantId] : g.memberIds.filter((m) => m !== command.participantId),
      }));
      return ok({ ...rt, groups });
    }
    case 'endSilent': {
      if (activity?.kind !== 'reflection' || !rt.silent) return { ok: false, code: 'BAD_REQUEST' };
      return ok({ ...rt, silent: false, timer: startTimer(activity.config.minutes * 60_000, ctx.now) });
    }
    case 'setReady': {
      if (!rt.groups.some((g) => g.id === command.groupId)) return { ok: false, code: 'NOT_FOUND' };
      const ready = rt.ready.filter((g) => g !== command.groupId);
      return ok({ ...rt, ready: command.ready ? [...ready, command.groupId] : ready });
    }
    case 'setHidden': {
      const hidden = rt.hiddenItems.filter((i) => i !== command.itemId);
      return ok({ ...rt, hiddenItems: command.hidden ? [...hidden, command.itemId] : hidden });
    }
    case 'clusterCreate':
      if (rt.clusters.some((c) => c.id === command.clusterId)) return { ok: false, code: 'BAD_REQUEST' };
      return ok({ ...rt, clusters: [...rt.clusters, { id: command.clusterId, name: command.name, noteIds: [], findingId: null }] });
    case 'clusterRename':
      return updateCluster(rt, command.clusterId, (c) => ({ ...c, name: command.name }));
    case 'clusterLink':
      return updateCluster(rt, command.clusterId, (c) => ({ ...c, findingId: command.findingId }));
    case 'clusterDelete':
      if (!rt.clusters.some((c) => c.id === command.clusterId)) return { ok: false, code: 'NOT_FOUND' };
      return ok({ ...rt, clusters: rt.clusters.filter((c) => c.id !== command.clusterId) });
    case 'clusterAssign': {
      if (command.clusterId !== null && !rt.clusters.some((c) => c.id === command.clusterId)) return { ok: false, code: 'NOT_FOUND' };
      const clusters = rt.clusters.map((c) => ({
        ...c,
        noteIds: c.id === command.clusterId ? [...c.noteIds.filter((n) => n !== command.noteId), command.noteId] : c.noteIds.filter((n) => n !== command.noteId),
      }));
      return ok({ ...rt, clusters });
    }
    case 'plenaryVoting':
      return decidePlenaryVoting(rt, command);
  }
}

function updateCluster(rt: WorkshopRuntime, clusterId: string, change: (c: Cluster) => Cluster): WorkshopDecision {
  if (!rt.clusters.some((c) => c.id === clusterId)) return { ok: false, code: 'NOT_FOUND' };
  return { ok: true, next: { ...rt, clusters: rt.clusters.map((c) => (c.id === clusterId ? change(c) : c)) } };
}

/** Someone joining mid-activity, placed by the current activity's `onLatecomer` (a reflection: the smallest group); null: nothing changes. */
export function placeLatecomer(rt: WorkshopRuntime, participantId: string): WorkshopRuntime | null {
  const activity = currentActivity(rt);
  return activity ? (moduleOf(activity)?.onLatecomer?.(rt, activity, participantId) ?? null) : null;
}

/** What a participant is asked at join: what the agenda's activities divide people by (e.g. office). */
export function joinQuestions(activities: AgendaActivity[]): string[] {
  return [...new Set(activities.flatMap((a) => moduleOf(a)?.joinQuestions?.(a.config) ?? []))];
}
