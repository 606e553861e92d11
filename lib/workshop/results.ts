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
