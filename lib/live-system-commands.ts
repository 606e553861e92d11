import { retainSessionState } from './lifecycle/session-state-retention';
import type { LiveSessionState } from './live-session';
import { seatMember, type SupervisionRuntime } from './supervision/engine';
import { nestedIsCurrent, seatInWorkshop } from './workshop/nested';
import { placeLatecomer, type PreparedActivity } from './workshop/runtime';

/**
 * Commands only the server issues, never a client: `liveCommandSchema` (what the socket
 * accepts) does not know them, and `decide` refuses them from any actor but the system.
 * They go through the same decide → versioned commit → broadcast path as every other change,
 * so a version conflict is retried instead of silently dropped.
 */
export type SystemCommand =
  /** Seat someone who (re)joins: a latecomer to group work, a kollegaveiledning member. */
  | { type: 'seat'; participantId: string; displayName: string | null }
  /** After an erasure: a kollegaveiledning member keeps their seat under `label` instead of their name. */
  | { type: 'forgetMemberName'; participantId: string; number: number }
  /** After a redaction: `marker` becomes a plenary theme's name in the running workshop. */
  | { type: 'forgetClusterName'; clusterId: string; marker: string }
  /**
   * After a redaction: `marker` replaces the kollegaveiledning case's texts; in a workshop that
   * runs several, only those of `activityId` when given (the live one or a parked one).
   */
  | { type: 'forgetCase'; marker: string; activityId?: string | null }
  /**
   * Retention (server/services/retention-service.ts), after the project's date: an ended
   * session's state loses its raw text (lib/lifecycle/session-state-retention.ts). An open
   * session keeps it until a run after it ends.
   */
  | { type: 'forgetRawText' };

/** The server acting on its own account (seating, forgetting after a removal or at the retention date). */
export interface SystemActor {
  kind: 'system';
}
export const systemActor: SystemActor = { kind: 'system' };

const systemTypes: ReadonlySet<string> = new Set<SystemCommand['type']>(['seat', 'forgetMemberName', 'forgetClusterName', 'forgetCase', 'forgetRawText']);
export const isSystemCommand = (command: { type: string }): command is SystemCommand => systemTypes.has(command.type);

/**
 * What a system command does to the state; null when it changes nothing (so nothing is
 * written or broadcast). Forgetting applies to ended sessions too: a redaction after the end
 * must still reach the stored state.
 */
export function decideSystem(state: LiveSessionState, ended: boolean, command: SystemCommand): LiveSessionState | null {
  switch (command.type) {
    case 'seat':
      return ended ? null : seat(state, command.participantId, command.displayName);
    case 'forgetMemberName':
      return changeSupervisions(state, null, (rt) => (rt.members.some((m) => m.id === command.participantId) ? seatMember(rt, command.participantId, { number: command.number }) : null));
    case 'forgetClusterName': {
      const ws = state.workshop;
      if (!ws?.clusters.some((c) => c.id === command.clusterId && c.name !== command.marker)) return null;
      return { ...state, workshop: { ...ws, clusters: ws.clusters.map((c) => (c.id === command.clusterId ? { ...c, name: command.marker } : c)) } };
    }
    case 'forgetCase':
      return changeSupervisions(state, command.activityId ?? null, (rt) => (rt.case ? { ...rt, case: { framlegg: command.marker, question: command.marker } } : null));
    case 'forgetRawText':
      return ended ? retainSessionState(state) : null;
  }
}

/**
 * Applies `change` to every kollegaveiledning of the session: the live one and those a workshop
 * parked in `prepared` (it may run several; an erasure or a redaction must reach them all), or
 * only the one of `activityId` when given. Null when none changed.
 */
function changeSupervisions(state: LiveSessionState, activityId: string | null, change: (rt: SupervisionRuntime) => SupervisionRuntime | null): LiveSessionState | null {
  const mine = (rt: SupervisionRuntime) => activityId === null || rt.activityId === activityId;
  const live = state.supervision && mine(state.supervision) ? change(state.supervision) : null;
  let changed = live !== null;
  const workshop = state.workshop;
  const prepared = workshop?.prepared
    ? Object.fromEntries(
        Object.entries(workshop.prepared).map(([id, p]): [string, PreparedActivity] => {
          const next = p.kind === 'supervision' && mine(p.runtime) ? change(p.runtime) : null;
          if (next) changed = true;
          return [id, next ? { kind: 'supervision', runtime: next } : p];
        }),
      )
    : undefined;
  if (!changed) return null;
  return { ...state, supervision: live ?? state.supervision, workshop: workshop && prepared ? { ...workshop, prepared } : workshop };
}

/**
 * A latecomer to group work goes to the smallest group; in kollegaveiledning everyone becomes
 * a member under their name (inside a workshop, while that activity is current, under a
 * neutral label when the workshop is anonymous).
 */
function seat(state: LiveSessionState, participantId: string, displayName: string | null): LiveSessionState | null {
  const workshop = state.workshop ? placeLatecomer(state.workshop, participantId) : null;
  const supervision = !state.supervision
    ? null
    : state.workshop
      ? nestedIsCurrent(state.workshop, state.supervision) ? seatInWorkshop(state.supervision, { id: participantId, displayName }, state.workshop.allowNames) : null
      : displayName ? seatMember(state.supervision, participantId, displayName) : null;
  if (!workshop && !supervision) return null;
  return { ...state, workshop: workshop ?? state.workshop, supervision: supervision ?? state.supervision };
}
