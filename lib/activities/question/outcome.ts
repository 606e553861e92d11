import type { KindActivity } from '../contract';
import { hiddenIds, type OutcomeContext, type OutcomeItem } from '../outcome-kit';
import type { QuestionConfig } from './config';
import { questionPublicView, tallyQuestion, type QuestionResults } from './tally';

/** A Spørsmål's outcome: its public results (bars, a distribution or a word list), nothing below the minimum. */
export interface QuestionOutcome {
  kind: 'question';
  results: QuestionResults;
}

export function questionOutcome(activity: KindActivity<'question', QuestionConfig>, items: readonly OutcomeItem[], ctx: OutcomeContext): QuestionOutcome {
  return { kind: 'question', results: questionPublicView(tallyQuestion(activity.id, activity.config, items), ctx.minCount, hiddenIds(items, ctx)) };
}
