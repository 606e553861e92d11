import { z } from 'zod';

/**
 * Where keeping a live session's boards (and a kollegaveiledning's notes) as feedback stands.
 * Facilitators see it in the console, so a failed archive is never silent.
 */
export const archiveStatusSchema = z.object({
  sessionId: z.uuid(),
  /** `retrying` after a failed attempt with more to come; `failed` once they are used up. */
  state: z.enum(['running', 'retrying', 'saved', 'failed']),
  /** 1 for the first attempt of a run. */
  attempt: z.number().int().positive(),
  /** Items written by the last successful attempt. */
  kept: z.number().int().nonnegative(),
  /** Board entries left out because they were not well-formed notes. */
  skippedEntries: z.number().int().nonnegative(),
  /** Boards whose document would not decode; their earlier archive is kept. */
  unreadableBoards: z.number().int().nonnegative(),
  /** Epoch milliseconds of this status. */
  at: z.number(),
});
export type ArchiveStatus = z.infer<typeof archiveStatusSchema>;

/** Waits before each retry of a failed archive: about 10 s in all before it is reported failed. */
export const archiveRetryDelaysMs = [500, 2_000, 7_500] as const;
