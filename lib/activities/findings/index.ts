import type { ActivityKindModule } from '../contract';
import { findingsOutcome, type FindingsOutcome } from './outcome';
import type { FindingsConfig } from './config';
import type { FindingsResults } from './results';
import { respondSchema, withdrawSchema } from './answers';
import { findingsConfigSchema } from './config';
import { findingsTally } from './results';

/** Funnrunde: the room answers the project's findings one by one (recognise, nuance, refute). */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const findingsActivity: ActivityKindModule<'findings', FindingsConfig, FindingsResults, never, Record<never, never>, 'finding_response', FindingsOutcome> = {
  kind: 'findings',
  configSchema: findingsConfigSchema,
  inDefaultAgenda: true,
  // A findings round needs findings: without any there is no default for it.
  defaultActivity: ({ findingIds }) =>
    findingIds.length === 0 ? null : { kind: 'findings', title: 'Funnrunde: kjenner dere igjen funnene?', config: { findingIds: findingIds.slice(0, 50) } },
  texts: () => [],
  answers: { 'workshop:respond': respondSchema, 'workshop:withdraw': withdrawSchema },
  events: {},
  feedback: {
    finding_response: { dataWithoutText: true, resendable: true, retention: { text: 'clear', data: [] } },
  },
  steps: (activity) => activity.config.findingIds.length,
  results: findingsTally,
  docs: null,
  nested: null,
  outcome: findingsOutcome,
};
