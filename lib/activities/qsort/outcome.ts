import type { KindActivity } from '../contract';
import { countFrom, showableOf, type OutcomeContext, type OutcomeItem } from '../outcome-kit';
import type { QsortConfig } from './config';

/** A Q-sort's outcome in one line: the factors kept, by name; the study itself is on *Tilbakemeldinger*. */
export interface QsortOutcome {
  kind: 'qsort';
  /** The kept factors' names in their order (empty names for factors kept unnamed). */
  factors: string[];
  /** How many comments were kept; null below the minimum. */
  comments: number | null;
}

export function qsortOutcome(_activity: KindActivity<'qsort', QsortConfig>, items: readonly OutcomeItem[], ctx: OutcomeContext): QsortOutcome {
  const factors = items
    .filter((i) => i.kind === 'q_factor' && !i.hidden && i.redactedAt === null)
    .sort((a, b) => (a.itemKey ?? '').localeCompare(b.itemKey ?? '', 'nb', { numeric: true }))
    .map((i) => i.theme ?? '');
  return { kind: 'qsort', factors, comments: countFrom(showableOf(items, 'q_comment', ctx).length, ctx.minCount) };
}
