import { z } from 'zod';

/** A Q-sort of one of the project's statement sets, sorted on the participants' phones. */
export const qsortConfigSchema = z.object({ setId: z.uuid({ error: 'REQUIRED' }) });
export type QsortConfig = z.infer<typeof qsortConfigSchema>;
