import type { KindActivity } from '../contract';
import { hiddenIds, type OutcomeContext, type OutcomeItem } from '../outcome-kit';
import type { FindingsConfig } from './config';
import { findingsTally } from './results';

/** A findings round's outcome: each finding with its tally and comments, by the public rules. */
export interface FindingsOutcome {
  kind: 'findings';
  findings: {
    findingId: string;
    title: string;
    /** The finding's status now (foreløpig, bekreftet, …), as the project keeps it. */
    status: string;
    /** Null below the minimum count: then no counts and no comments either. */
    total: number | null;
    counts: { kjenner_igjen: number; nyanserer: number; avkrefter: number } | null;
    /** Not tied to a response, as on the screen; hidden and redacted ones left out. */
    comments: { id: string; text: string }[];
  }[];
}

export function findingsOutcome(activity: KindActivity<'findings', FindingsConfig>, items: readonly OutcomeItem[], ctx: OutcomeContext): FindingsOutcome {
  const hidden = hiddenIds(items, ctx);
  return {
    kind: 'findings',
    // A finding deleted since has no title left to show; its answers went with it (finding_id set null).
    findings: activity.config.findingIds.flatMap((findingId, step) => {
      const finding = ctx.findings.get(findingId);
      if (!finding) return [];
      const view = findingsTally.publicView(findingsTally.tally(activity, step, items), ctx.minCount, hidden);
      const comments = view.comments.filter((c) => !c.redacted && c.text.trim() !== '').map(({ id, text }) => ({ id, text }));
      return [{ findingId, title: finding.title, status: finding.status, total: view.total, counts: view.counts, comments }];
    }),
  };
}
