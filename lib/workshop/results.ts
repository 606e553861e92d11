import { moduleOf } from '../activities/registry';
import type { ActivityResults } from '../activities/registry';

/**
 * Aggregated results of the current activity. The facilitator always gets them; the big
 * screen and the phones only after "reveal", and never counts from fewer answers than the
 * workshop's minimum (a small tally can point at a person). Each kind's shape and public view
 * live with the kind (`results` in lib/activities/<kind>/).
 */
export { activityResultsSchema, type ActivityResults } from '../activities/registry';
export { responseCountsSchema } from '../activities/findings/results';
export { normalizeWord } from '../activities/plenary/answers';

/** How many have answered the current activity, for everyone before reveal. */
export interface AnsweredCount {
  activityId: string;
  /** Null below the minimum count: not even how many, as in the public views. */
  count: number | null;
}

/**
 * The one number everyone may see before reveal: how many have answered, from results tallied
 * from the published answers (so it moves in whole batches), and only from the minimum count
 * up. Null for kinds that show no count.
 */
export function answeredCount(results: ActivityResults | null, minCount: number): AnsweredCount | null {
  if (!results) return null;
  // The registry's union of tallies takes only its own kind's results; `results.kind` picked it.
  const answered = moduleOf(results.kind)?.results?.answered as ((r: ActivityResults, min: number) => number | null) | undefined;
  if (!answered) return null;
  const count = answered(results, minCount);
  return { activityId: results.activityId, count: count !== null && count >= minCount ? count : null };
}

/**
 * What may be shown beyond the facilitator: nothing before reveal, then the kind's public view
 * (below the minimum nothing about the answers at all, not even how many there are). `results`
 * should be tallied from the published answers (`publishedAnswers` in ./tally), so every count
 * it shows moves in whole batches.
 */
export function publicResults(results: ActivityResults | null, revealed: boolean, minCount: number, hiddenItems: string[]): ActivityResults | null {
  if (!results || !revealed) return null;
  const tally = moduleOf(results.kind)?.results;
  return tally ? tally.publicView(results, minCount, new Set(hiddenItems)) : null;
}
