import type { LiveSessionState } from '../live-session';

/**
 * An ended session's state without the raw text it carries (the facilitator's message, a
 * kollegaveiledning's case, members' names, agreements carried over), or null when it has none.
 * Kept apart from ./retention.ts, which reads the activity registry, so the `forgetRawText`
 * system command (lib/live-system-commands.ts) can apply it without pulling the registry into
 * `decide`.
 */
export function retainSessionState(state: LiveSessionState): LiveSessionState | null {
  const s = state.supervision;
  const supervisionHasText = s !== null && (s.case !== null || s.members.some((m) => m.name !== '') || s.previousAgreements.length > 0);
  if (state.message === null && !supervisionHasText) return null;
  return {
    ...state,
    message: null,
    supervision: s && { ...s, case: null, members: s.members.map((m) => ({ ...m, name: '' })), previousAgreements: [] },
  };
}
