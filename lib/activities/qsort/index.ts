import { qsortRuntimeSchema } from '../../qsort/runtime';
import type { ActivityKindModule } from '../contract';
import { qsortOutcome, type QsortOutcome } from './outcome';
import type { QsortConfig } from './config';
import type { QsortRuntime } from '../../qsort/runtime';
import { analyzeSchema, helpSchema, importSortsSchema, keepSchema, mergeSchema, paperSortSchema, resolveHelpSchema, saveSortSchema } from './answers';
import { qsortConfigSchema } from './config';
import { followQsort } from './follow';

/**
 * A Q-sort inside a workshop: the statement set is frozen at start, participants sort on their
 * phones, the facilitator analyses and may show factor arrays on the screen. It reports through
 * its own events (progress, public analysis), so it has no tally here.
 */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const qsortActivity: ActivityKindModule<'qsort', QsortConfig, never, QsortRuntime, Record<never, never>, 'q_comment' | 'q_factor', QsortOutcome> = {
  kind: 'qsort',
  configSchema: qsortConfigSchema,
  inDefaultAgenda: false,
  defaultActivity: ({ setId }) => (setId ? { kind: 'qsort', title: 'Hvor enig er du i utsagnene?', config: { setId } } : null),
  texts: () => [],
  answers: { 'qsort:save': saveSortSchema, 'qsort:help': helpSchema, 'qsort:resolveHelp': resolveHelpSchema, 'qsort:analyze': analyzeSchema, 'qsort:keepFactors': keepSchema, 'qsort:addPaperSort': paperSortSchema, 'qsort:importSorts': importSortsSchema, 'qsort:merge': mergeSchema },
  events: {},
  feedback: {
    q_comment: { dataWithoutText: true, resendable: false, retention: { text: 'clear', data: [] } },
    q_factor: { dataWithoutText: false, resendable: false, retention: { text: 'keep', data: [] } },
  },
  results: null,
  docs: null,
  nested: { preparedSchema: qsortRuntimeSchema, follow: (room) => followQsort(room) },
  outcome: qsortOutcome,
};
