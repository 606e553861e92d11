import type { WorkshopContext, WorkshopRuntime } from '../../workshop/runtime';
import { formGroups, smallestGroup } from '../../workshop/groups';
import type { ReflectionConfig } from './config';

/** Groups for a reflection, formed from who is connected now by the activity's rule. */
export function formReflectionGroups(config: ReflectionConfig, ctx: WorkshopContext) {
  return formGroups(ctx.participants, { size: config.groupSize, rule: config.grouping, attribute: config.attribute, random: ctx.random, names: ctx.groupName });
}

/** A latecomer during group work joins the smallest group; null when there are no groups or they have one. */
export function seatInSmallestGroup(rt: WorkshopRuntime, participantId: string): WorkshopRuntime | null {
  if (rt.groups.length === 0 || rt.groups.some((g) => g.memberIds.includes(participantId))) return null;
  const target = smallestGroup(rt.groups);
  if (!target) return null;
  return { ...rt, groups: rt.groups.map((g) => (g.id === target.id ? { ...g, memberIds: [...g.memberIds, participantId] } : g)) };
}
