import type { KindActivity } from '../contract';
import { hiddenIds, showable, showableOf, type OutcomeContext, type OutcomeItem } from '../outcome-kit';
import type { PlenaryConfig } from './config';
import { plenaryTally } from './results';

/** A plenary's outcome: the themes with their notes and dots, and the word cloud. */
export interface PlenaryOutcome {
  kind: 'plenary';
  /** Most dots first; `dots` is null when fewer than the minimum voted (then no theme shows dots). */
  themes: { id: string; name: string; dots: number | null; notes: string[] }[];
  /** How many voted; null below the minimum. */
  voters: number | null;
  /** The word cloud's question; empty when the plenary had no word cloud. */
  wordQuestion: string;
  /** How many words were given; null below the minimum (then `words` is empty). */
  wordTotal: number | null;
  /** Word → how many gave it, most frequent first; hidden and redacted words left out. */
  words: { word: string; count: number }[];
}

/**
 * Themes come from the kept `cluster` items; their notes from the session's kept board notes
 * (`ctx.sessionItems`), so a note hidden or redacted after the plenary is not quoted here.
 */
export function plenaryOutcome(activity: KindActivity<'plenary', PlenaryConfig>, items: readonly OutcomeItem[], ctx: OutcomeContext): PlenaryOutcome {
  // The live view hides a word by its text (`word:<word>`); a word hidden in the archive goes the same way.
  const hidden = new Set([...hiddenIds(items, ctx), ...items.filter((i) => i.kind === 'word' && i.hidden).map((i) => `word:${i.text}`)]);
  const view = plenaryTally.publicView(plenaryTally.tally(activity, 0, items), ctx.minCount, hidden);
  const notes = new Map(ctx.sessionItems.filter((i) => i.kind === 'note' && i.itemKey !== null && showable(i, ctx)).map((i) => [i.itemKey!, i.text]));
  const themes = showableOf(items, 'cluster', ctx).map((cluster) => {
    const noteIds = ctx.themes.find((t) => t.id === cluster.itemKey)?.noteIds ?? [];
    return {
      id: cluster.itemKey ?? cluster.id,
      name: cluster.text,
      dots: view.votes === null ? null : (view.votes[cluster.itemKey ?? ''] ?? 0),
      notes: noteIds.flatMap((id) => (notes.has(id) ? [notes.get(id)!] : [])),
    };
  });
  themes.sort((a, b) => (b.dots ?? 0) - (a.dots ?? 0) || a.name.localeCompare(b.name, 'nb'));
  return { kind: 'plenary', themes, voters: view.voters, wordQuestion: activity.config.wordCloudQuestion, wordTotal: view.wordTotal, words: view.words };
}
