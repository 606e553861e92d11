import { qsortRuntimeSchema } from '../../qsort/runtime';
import type { ActivityKindModule } from '../contract';
import type { QsortConfig } from './config';
import type { QsortRuntime } from '../../qsort/runtime';
import { analyzeSchema, helpSchema, keepSchema, resolveHelpSchema, saveSortSchema } from './answers';
import { qsortConfigSchema } from './config';
import { followQsort } from './follow';

/**
 * A Q-sort inside a workshop: the statement set is frozen at start, participants sort on their
 * phones, the facilitator analyses and may show factor arrays on the screen. It reports through
 * its own events (progress, public analysis), so it has no tally here.
 */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const qsortActivity: ActivityKindModule<'qsort', QsortConfig, never, QsortRuntime> = {
  kind: 'qsort',
  configSchema: qsortConfigSchema,
  inDefaultAgenda: false,
  defaultActivity: ({ setId }) => (setId ? { kind: 'qsort', title: 'Hvor enig er du i utsagnene?', config: { setId } } : null),
  texts: () => [],
  answers: { qsortSave: saveSortSchema, qsortHelp: helpSchema, qsortResolveHelp: resolveHelpSchema, qsortAnalyze: analyzeSchema, qsortKeepFactors: keepSchema },
  results: null,
  docs: null,
  nested: { preparedSchema: qsortRuntimeSchema, follow: (room) => followQsort(room) },
};
