import { z } from 'zod';

/** A kollegaveiledning run by one of the project's templates (its rounds are frozen at start). */
export const supervisionConfigSchema = z.object({ templateId: z.uuid({ error: 'REQUIRED' }) });
export type SupervisionConfig = z.infer<typeof supervisionConfigSchema>;
