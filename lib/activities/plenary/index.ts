import type { ActivityKindModule } from '../contract';
import type { PlenaryConfig } from './config';
import type { PlenaryResults } from './results';
import { votesSchema, wordSchema } from './answers';
import { plenaryConfigSchema } from './config';
import { plenaryTally } from './results';

/** Plenum: the room votes on the clusters with dots and answers the word-cloud question. */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const plenaryActivity: ActivityKindModule<'plenary', PlenaryConfig, PlenaryResults> = {
  kind: 'plenary',
  configSchema: plenaryConfigSchema,
  inDefaultAgenda: true,
  defaultActivity: () => ({ kind: 'plenary', title: 'Plenum', config: { dotVotes: 3, wordCloudQuestion: 'Ett ord som beskriver dagens tema for deg?' } }),
  texts: (config) => [['wordCloudQuestion', config.wordCloudQuestion]],
  answers: { word: wordSchema, votes: votesSchema },
  results: plenaryTally,
  docs: null,
  nested: null,
};
