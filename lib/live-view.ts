import type { LiveSessionState } from './live-session';
import type { SupervisionRuntime } from './supervision/engine';
import type { WorkshopRuntime } from './workshop/runtime';
import { liveSessionStateSchema } from './live-session';
import { publicWorkshopView, workshopViewSchema, type WorkshopView } from './workshop/view';
import { z } from 'zod';

/**
 * Who a session's state is sent to. Facilitators steer and get everything; the big screen and
 * participants get a view with no participant ids but their own, so nobody can tell who sits
 * in which group or follow one person's notes from group to group.
 */
export type Audience = { role: 'facilitator' } | { role: 'presenter' } | { role: 'participant'; participantId: string };

/**
 * Replaces a kollegaveiledning member's participant id in a view. Members see each other's
 * names by design, but an id would link a person across the session's other records; the
 * server makes these with a secret, so the same person has the same alias in one session only.
 */
export type MemberAlias = (participantId: string) => string;

/** The state as the screen and phones get it: the workshop as a `WorkshopView` (lib/workshop/view.ts). */
export const publicSessionStateSchema = liveSessionStateSchema.extend({ workshop: workshopViewSchema.nullable().default(null) });
export type PublicSessionState = z.infer<typeof publicSessionStateSchema>;

/**
 * The workshop as the screen (me null) or a participant sees it: what the current step needs.
 * - The agenda by title and kind, the current step's public config, no other step's config;
 *   `prepared` (the frozen Q-sort sets and kollegaveiledning templates of every nested step,
 *   and the parked runtimes of those not current) goes: the step being played is in
 *   `state.qsort` / `state.supervision` already.
 * - Groups show no member ids, only counts; a participant's own group is marked `mine`.
 * - Hidden items are a moderation list for the screen's boards; phones never use it.
 */
function workshopView(rt: WorkshopRuntime, me: string | null): WorkshopView {
  const groups = rt.groups.map((g) => ({
    id: g.id,
    name: g.name,
    memberIds: [],
    memberCount: g.memberIds.length,
    ...(me !== null && g.memberIds.includes(me) ? { mine: true } : {}),
  }));
  return { ...publicWorkshopView(rt), groups, ...(me === null ? {} : { hiddenItems: [] }) };
}

function supervisionView(rt: SupervisionRuntime, me: string | null, alias: MemberAlias): SupervisionRuntime {
  const hide = (id: string) => (id === me ? id : alias(id));
  return {
    ...rt,
    members: rt.members.map((m) => ({ ...m, id: hide(m.id) })),
    turn: rt.turn && { ...rt.turn, queue: rt.turn.queue.map(hide), passed: rt.turn.passed.map(hide) },
  };
}

/** The screen or one participant: everyone who gets a public view. */
export type PublicAudience = Exclude<Audience, { role: 'facilitator' }>;

/** The state as `audience` may see it. Pure: the socket server sends each audience its view. */
export function viewFor(state: LiveSessionState, audience: { role: 'facilitator' }, alias: MemberAlias): LiveSessionState;
export function viewFor(state: LiveSessionState, audience: PublicAudience, alias: MemberAlias): PublicSessionState;
export function viewFor(state: LiveSessionState, audience: Audience, alias: MemberAlias): LiveSessionState | PublicSessionState;
export function viewFor(state: LiveSessionState, audience: Audience, alias: MemberAlias): LiveSessionState | PublicSessionState {
  if (audience.role === 'facilitator') return state;
  const me = audience.role === 'participant' ? audience.participantId : null;
  // A nested Q-sort or kollegaveiledning the room has left stays in every view: phones show
  // that its sorting has closed, and the screen may still show its analysis.
  const { qsort, supervision } = state;
  return {
    ...state,
    workshop: state.workshop && workshopView(state.workshop, me),
    supervision: supervision && supervisionView(supervision, me, alias),
    // Manual factor flags name sorts by id; what the screen shows is computed on the server.
    qsort: qsort?.display?.flags ? { ...qsort, display: { ...qsort.display, flags: undefined } } : qsort,
    // Only the screen pages; a phone's view stays the same when a page turns, so none is sent.
    screenTurns: me === null ? state.screenTurns : 0,
  };
}

/**
 * Participants whose view differs from an unseated participant's, by what sets it apart: their
 * group and their seat in a kollegaveiledning. Everyone with the same key gets the same view,
 * so a change costs one message per group, not one per phone.
 */
export function participantViewKeys(state: LiveSessionState): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const add = (id: string, part: string) => keys.set(id, [...(keys.get(id) ?? []), part]);
  for (const g of state.workshop?.groups ?? []) for (const id of g.memberIds) add(id, `g:${g.id}`);
  for (const m of state.supervision?.members ?? []) add(m.id, `m:${m.id}`);
  const byKey = new Map<string, string[]>();
  for (const [id, parts] of keys) {
    const key = parts.join('|');
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  return byKey;
}

/** The group a participant's view marks as theirs (see `viewFor`), if any. */
export const myGroup = (rt: Pick<WorkshopRuntime, 'groups'>) => rt.groups.find((g) => g.mine) ?? null;
