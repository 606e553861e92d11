import { z } from 'zod';

/** A findings round: the room says, finding by finding, whether it recognises the research. */
export const findingsConfigSchema = z.object({
  findingIds: z.array(z.uuid()).min(1, { error: 'FINDINGS_REQUIRED' }).max(50),
});
export type FindingsConfig = z.infer<typeof findingsConfigSchema>;
