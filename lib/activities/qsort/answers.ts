import { z } from 'zod';
import { guarded, opaque } from '../../privacy/free-text';
import { analysisOptionsSchema, factorNameInputSchema } from '../../qsort/runtime';
import { sortStateSchema } from '../../qsort/sort';

/** A participant saves their sort (every change, debounced on the phone). */
export const saveSortSchema = z.object({
  state: sortStateSchema,
  /**
   * The device's revision of the sort: one more than the last it saved (or was given), so the
   * first save is 1. Never 0: that is what a row holds before its first save (a help request
   * may start it), and a save at 0 would then be kept or dropped by which came first.
   */
  rev: z.number().int().min(1).max(2 ** 31 - 1),
});
/** A participant asks for help with a statement (or stops asking). */
export const helpSchema = z.object({ statement: opaque(z.string().max(4)).nullable(), on: z.boolean() });
/** A facilitator marks a call for help as dealt with. */
export const resolveHelpSchema = z.object({ sortId: opaque(z.string()) });
/** A facilitator runs an analysis of the sorts so far. */
export const analyzeSchema = z.object({ options: analysisOptionsSchema });
/** A facilitator keeps the named factors of an analysis as feedback. */
export const keepSchema = z.object({
  options: analysisOptionsSchema,
  names: z.array(factorNameInputSchema.extend({ name: factorNameInputSchema.shape.name.min(1) })).min(1).max(12),
});
/**
 * A paper sort the researcher types in, column by column as it lies on the table: the statement
 * numbers in each column of the grid, lowest value first, and the pseudonym written on it.
 */
export const paperSortSchema = z.object({
  columns: z.array(z.array(opaque(z.string().trim().min(1).max(4))).max(60)).min(1).max(25),
  pseudonym: guarded(z.string().trim().max(40)),
});
/**
 * Sorts from a file in the qmethod CSV layout (what Verksted exports and R's qmethod reads) or a
 * PQMethod `.DAT`, as text: the browser decodes the file's bytes (lib/qmethod/decode.ts) before sending it. Its sort
 * names are guarded by the service, sort by sort, so the refusal can name the sort. At most
 * 200,000 characters (a socket message is capped at 256 KiB): 200 sorts of 60 statements take a fifth of it.
 */
export const importSortsSchema = z.object({ text: opaque(z.string().max(200_000)) });
/** The Q-sorts that can join this study; with `change`, one taken in (or let go) first. */
export const mergeSchema = z.object({ change: z.object({ session: z.uuid(), merged: z.boolean() }).optional() });
