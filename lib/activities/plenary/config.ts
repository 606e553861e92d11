import { z } from 'zod';
import { freeText } from '../../privacy/free-text';

/** Plenum: dot votes on the clusters of the groups' notes, and an optional word cloud. */
export const plenaryConfigSchema = z.object({
  dotVotes: z.number().int().min(1).max(10).default(3),
  /** One-word question for the word cloud; empty = no word cloud. */
  wordCloudQuestion: freeText(300).default(''),
});
export type PlenaryConfig = z.infer<typeof plenaryConfigSchema>;
