import type { z } from 'zod';
import type { helpSchema, importSortsSchema, keepSchema, paperSortSchema, saveSortSchema } from '../activities/qsort/answers';
import type { AppError } from '../errors';
import { parseFailure } from '../privacy/free-text';

/** What a Q-sort's socket events carry (lib/socket-events.ts pairs each with its answer). */

// The schemas are the Q-sort kind's own (lib/activities/qsort/answers.ts): one object each, so
// the edge validates with exactly what the kind declares.
export { analyzeSchema, helpSchema, importSortsSchema, keepSchema, mergeSchema, paperSortSchema, resolveHelpSchema, saveSortSchema } from '../activities/qsort/answers';
export type SaveSortInput = z.infer<typeof saveSortSchema>;

/** A refused save, with fields named as the sort's own form knows them: `comment.<statement>`, `missing`, `pseudonym`. */
export function sortRefusal(error: z.ZodError): { ok: false; error: AppError } {
  const failure = parseFailure(error, 'invalid sort');
  const fields = failure.error.fields && Object.fromEntries(Object.entries(failure.error.fields).map(([k, v]) => [k.replace(/^state\.comments\./, 'comment.').replace(/^state\./, ''), v]));
  return fields ? { ok: false, error: { ...failure.error, fields } } : failure;
}

export type HelpInput = z.infer<typeof helpSchema>;
export type KeepFactorsInput = z.infer<typeof keepSchema>;
export type PaperSortInput = z.infer<typeof paperSortSchema>;
export type ImportSortsInput = z.infer<typeof importSortsSchema>;
