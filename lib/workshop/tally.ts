import { moduleOf, talliedModules, type ActivityResults, type AgendaActivity } from '../activities/registry';
import type { AnswerRow } from '../activities/tally-kit';

export { batchSize, unordered, type AnswerRow } from '../activities/tally-kit';

/** Which kind's tally owns a stored answer, by the feedback-item kind it was stored as. */
const ownerOf = new Map(talliedModules.flatMap((m) => m.results!.answerKinds.map((kind) => [kind, m.results!] as const)));

/**
 * The answers the public view is computed from: in each stream (the kind's `streamOf`), the
 * earliest answers (by their last change) in the largest whole number of batches. Derived from
 * the stored answers alone, so every server process publishes the same view without
 * remembering what it sent; a new answer becomes visible only together with `k − 1` others.
 */
export function publishedAnswers(rows: readonly AnswerRow[], k: number): AnswerRow[] {
  const streams = new Map<string, AnswerRow[]>();
  for (const row of rows) {
    const key = ownerOf.get(row.kind)?.streamOf(row) ?? null;
    if (key === null) continue;
    streams.set(key, [...(streams.get(key) ?? []), row]);
  }
  return [...streams.values()].flatMap((stream) => [...stream].sort(byTime).slice(0, Math.floor(stream.length / k) * k));
}

const byTime = (a: AnswerRow, b: AnswerRow) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Tallies an activity from its answers (all of them for facilitators, the published ones for the rest); null for kinds without a tally. */
export function tallyActivity(activity: AgendaActivity, findingIndex: number, rows: readonly AnswerRow[]): ActivityResults | null {
  return moduleOf(activity)?.results?.tally(activity, findingIndex, rows) ?? null;
}
