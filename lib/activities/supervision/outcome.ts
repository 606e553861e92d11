import type { KindActivity } from '../contract';
import { showableOf, type OutcomeContext, type OutcomeItem } from '../outcome-kit';
import type { SupervisionConfig } from './config';

/** A kollegaveiledning's outcome in one line: how many learning points and agreements it kept (the texts are on *Tilbakemeldinger*). */
export interface SupervisionOutcome {
  kind: 'supervision';
  learningPoints: number;
  agreements: number;
}

export function supervisionOutcome(_activity: KindActivity<'supervision', SupervisionConfig>, items: readonly OutcomeItem[], ctx: OutcomeContext): SupervisionOutcome {
  return { kind: 'supervision', learningPoints: showableOf(items, 'learning_point', ctx).length, agreements: items.filter((i) => i.kind === 'agreement' && !i.hidden && i.redactedAt === null).length };
}
