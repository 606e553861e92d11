import type { KindActivity } from '../contract';
import { hiddenIds, type OutcomeContext, type OutcomeItem } from '../outcome-kit';
import type { ClosingConfig } from './config';
import { closingTally } from './results';

/** A closing round's outcome: a 0–4 distribution per question, and the free texts. */
export interface ClosingOutcome {
  kind: 'closing';
  /** Null below the minimum: then no texts either. */
  respondents: number | null;
  /** In the config's order; `distribution` (how many gave 0, 1, 2, 3, 4) and `mean` null below the minimum. */
  questions: { id: string; text: string; n: number | null; distribution: number[] | null; mean: number | null }[];
  freeTextQuestion: string;
  /** Hidden and redacted texts left out. */
  texts: { id: string; text: string }[];
}

export function closingOutcome(activity: KindActivity<'closing', ClosingConfig>, items: readonly OutcomeItem[], ctx: OutcomeContext): ClosingOutcome {
  const view = closingTally.publicView(closingTally.tally(activity, 0, items), ctx.minCount, hiddenIds(items, ctx));
  const textOf = new Map(activity.config.questions.map((q) => [q.id, q.text]));
  return {
    kind: 'closing',
    respondents: view.respondents,
    questions: view.questions.map((q) => ({ ...q, text: textOf.get(q.id) ?? '' })),
    freeTextQuestion: activity.config.freeTextQuestion,
    texts: view.texts.filter((t) => !t.redacted && t.text.trim() !== '').map(({ id, text }) => ({ id, text })),
  };
}
