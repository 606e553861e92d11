import type { SessionActivityResult } from './session-results';

/** How many findings a page of the big screen's summary holds: each comes with its tally and comments. */
export const FINDINGS_PER_SCREEN_PAGE = 2;

/** One page of the closing summary on the big screen: an activity, or a part of a long findings round. */
export interface SummaryScreenPage {
  /** The activity's number in the agenda (1-based), kept on every part of it. */
  number: number;
  activity: SessionActivityResult;
}

/**
 * The closing summary as the big screen pages it: an activity a page, and a findings round a
 * few findings a page. Six findings with their comments on one projector page shrink to type
 * nobody can read from the back of the room.
 */
export function summaryScreenPages(activities: readonly SessionActivityResult[], findingsPerPage = FINDINGS_PER_SCREEN_PAGE): SummaryScreenPage[] {
  const size = Math.max(1, Math.floor(findingsPerPage));
  return activities.flatMap((activity, i) => {
    const number = i + 1;
    const { outcome } = activity;
    if (outcome.kind !== 'findings' || outcome.findings.length <= size) return [{ number, activity }];
    const parts: SummaryScreenPage[] = [];
    for (let from = 0; from < outcome.findings.length; from += size) {
      parts.push({ number, activity: { ...activity, outcome: { ...outcome, findings: outcome.findings.slice(from, from + size) } } });
    }
    return parts;
  });
}
