import type { ActivityKindModule } from '../contract';
import { plenaryOutcome, type PlenaryOutcome } from './outcome';
import type { PlenaryConfig } from './config';
import type { PlenaryResults } from './results';
import { plenaryConfigSchema } from './config';
import { plenaryEvents } from './events';
import { plenaryTally } from './results';

/** Plenum: the room votes on the clusters with dots and answers the word-cloud question. */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const plenaryActivity: ActivityKindModule<'plenary', PlenaryConfig, PlenaryResults, never, typeof plenaryEvents, 'cluster' | 'vote_count' | 'word', PlenaryOutcome> = {
  kind: 'plenary',
  configSchema: plenaryConfigSchema,
  inDefaultAgenda: true,
  defaultActivity: () => ({ kind: 'plenary', title: 'Plenum', config: { dotVotes: 3, wordCloudQuestion: 'Ett ord som beskriver dagens tema for deg?' } }),
  texts: (config) => [['wordCloudQuestion', config.wordCloudQuestion]],
  answers: { [plenaryEvents.word.name]: plenaryEvents.word.schema, [plenaryEvents.votes.name]: plenaryEvents.votes.schema },
  events: plenaryEvents,
  feedback: {
    // A theme's name stays; the notes it was made of are copied into its data and go.
    cluster: { dataWithoutText: false, resendable: false, retention: { text: 'keep', data: ['notes'] } },
    vote_count: { dataWithoutText: true, resendable: false, retention: { text: 'keep', data: [] } },
    word: { dataWithoutText: true, resendable: true, retention: { text: 'word', data: [] } },
  },
  results: plenaryTally,
  docs: null,
  nested: null,
  outcome: plenaryOutcome,
};
