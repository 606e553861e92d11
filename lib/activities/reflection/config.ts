import { z } from 'zod';
import { freeText } from '../../privacy/free-text';

export const groupingRules = ['random', 'attribute', 'manual'] as const;

/** Group reflection: groups write notes on a shared board, optionally after silent writing. */
export const reflectionConfigSchema = z.object({
  prompt: freeText(1000).min(1, { error: 'REQUIRED' }),
  groupSize: z.number().int().min(3).max(5).default(4),
  grouping: z.enum(groupingRules).default('random'),
  /** With grouping 'attribute': the join question whose answer groups people (e.g. office). */
  attribute: freeText(60).default(''),
  minutes: z.number().int().min(1).max(180).default(15),
  silentFirst: z.boolean().default(true),
  silentMinutes: z.number().int().min(1).max(60).default(5),
});
export type ReflectionConfig = z.infer<typeof reflectionConfigSchema>;
