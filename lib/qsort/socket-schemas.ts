import { z } from 'zod';
import type { AppError } from '../errors';
import { opaque, parseFailure } from '../privacy/free-text';
import { analysisOptionsSchema, factorNameInputSchema } from './runtime';
import { sortStateSchema } from './sort';

/** What a Q-sort's socket events carry (lib/socket-events.ts pairs each with its answer). */

/** A participant saves the whole sort. */
export const saveSortSchema = z.object({
  state: sortStateSchema,
  /** The device's revision of the sort: one more than the last it saved (or was given). */
  rev: z.number().int().min(0).max(2 ** 31 - 1),
});
export type SaveSortInput = z.infer<typeof saveSortSchema>;

/** A refused save, with fields named as the sort's own form knows them: `comment.<statement>`, `missing`, `pseudonym`. */
export function sortRefusal(error: z.ZodError): { ok: false; error: AppError } {
  const failure = parseFailure(error, 'invalid sort');
  const fields = failure.error.fields && Object.fromEntries(Object.entries(failure.error.fields).map(([k, v]) => [k.replace(/^state\.comments\./, 'comment.').replace(/^state\./, ''), v]));
  return fields ? { ok: false, error: { ...failure.error, fields } } : failure;
}

/** A participant asks for help (with a statement, or in general) or withdraws the request. */
export const helpSchema = z.object({ statement: opaque(z.string().max(4)).nullable(), on: z.boolean() });
export type HelpInput = z.infer<typeof helpSchema>;

/** Facilitators: analyse the finished sorts with these options. */
export const analyzeSchema = z.object({ options: analysisOptionsSchema });

/** Facilitators: name the factors and keep them with their arrays as feedback. */
export const keepSchema = z.object({
  options: analysisOptionsSchema,
  names: z.array(factorNameInputSchema.extend({ name: factorNameInputSchema.shape.name.min(1) })).min(1).max(12),
});
export type KeepFactorsInput = z.infer<typeof keepSchema>;

/** Facilitators: a help request answered. */
export const resolveHelpSchema = z.object({ sortId: opaque(z.string()) });
