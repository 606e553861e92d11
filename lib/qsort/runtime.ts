import { z } from 'zod';
import { freeText, opaque } from '../privacy/free-text';
import { gridSchema } from './grid';
import { instructionsSchema } from './instructions';

/**
 * The server-authoritative state of a Q-sort session, inside the live session's state: the
 * set as it was when the session opened (so a later edit cannot change a running study), and
 * what the facilitator chose to show on the big screen.
 */
export const analysisOptionsSchema = z.object({
  factors: z.number().int().min(1).max(12),
  extraction: z.enum(['pca', 'centroid']),
  rotation: z.enum(['varimax', 'none']),
  /** Manual flags (sorts × factors) replacing the automatic ones, by sort id. */
  flags: z.record(opaque(z.string()), z.array(z.boolean()).max(24)).optional(),
  /** The researcher's choices beside qmethod's defaults (Pearson; p < .05 with the majority rule). */
  correlation: z.enum(['pearson', 'spearman', 'kendall']).optional(),
  flagRule: z.object({ significance: z.number().gt(0).max(0.5), majority: z.boolean() }).optional(),
  /** Factors (1-based) read from their other pole. */
  invert: z.array(z.number().int().min(1).max(12)).max(12).optional(),
  /** Bipolar factors (1-based) split into their two poles; manual flags then count both poles. */
  split: z.array(z.number().int().min(1).max(12)).max(12).optional(),
  /** Judgmental rotations after varimax (or instead of it), in order. */
  handRotations: z
    .array(z.object({ a: z.number().int().min(1).max(12), b: z.number().int().min(1).max(12), degrees: z.number().min(-360).max(360) }).refine((r) => r.a !== r.b))
    .max(100)
    .optional(),
});
export type AnalysisOptions = z.infer<typeof analysisOptionsSchema>;

const factorNameSchema = z.object({ name: z.string().trim().max(120), description: z.string().trim().max(2000) });
export type FactorName = z.infer<typeof factorNameSchema>;
/** What a facilitator types when naming factors: the same fields, guarded (the stored state is not re-checked). */
export const factorNameInputSchema = z.object({ name: freeText(120), description: freeText(2000) });

/** A Q-sort in another session: the session, and the workshop activity it ran as ('' when standalone). */
export const mergedStudySchema = z.object({ sessionId: z.uuid(), activityId: opaque(z.string().max(100)) });
export type MergedStudy = z.infer<typeof mergedStudySchema>;
/** How many other Q-sorts one study may take in: a study of many sessions, not a project's archive. */
export const MAX_MERGED = 20;

export const qsortRuntimeSchema = z.object({
  /** The workshop activity this Q-sort runs as; absent for a standalone Q-sort session. */
  activityId: z.string().optional(),
  setId: z.uuid(),
  setName: z.string(),
  grid: gridSchema,
  instructions: instructionsSchema,
  /** The statements by their id (the researchers' number, as text), in display order. */
  statements: z.array(z.object({ id: z.string(), text: z.string() })),
  /** Whether participants may still change and submit sorts. */
  open: z.boolean(),
  /** The analysis the big screen shows (factor arrays, distinguishing statements), if any. */
  display: analysisOptionsSchema.nullable(),
  /** The facilitator's names and descriptions of the factors, in factor order. */
  factorNames: z.array(factorNameSchema).max(12),
  /**
   * Other Q-sorts of the same statements and grid whose finished sorts join this study's
   * analysis and files. Linked, never copied: an erased or deleted sort there is gone here too.
   */
  merged: z.array(mergedStudySchema).max(MAX_MERGED).default([]),
});
export type QsortRuntime = z.infer<typeof qsortRuntimeSchema>;

export const qsortCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setOpen'), open: z.boolean() }),
  z.object({ type: z.literal('display'), options: analysisOptionsSchema.nullable() }),
  z.object({ type: z.literal('nameFactors'), names: z.array(factorNameInputSchema).max(12) }),
  /** Takes another Q-sort's sorts into this study, or lets them go; the service has checked it matches. */
  z.object({ type: z.literal('merge'), study: mergedStudySchema, merged: z.boolean() }),
]);
export type QsortCommand = z.infer<typeof qsortCommandSchema>;

export type QsortDecision = { ok: true; next: QsortRuntime } | { ok: false; code: 'FORBIDDEN' };

/** Only facilitators steer a Q-sort session; participants act through their own sort. */
export function decideQsort(rt: QsortRuntime, command: QsortCommand, actor: { kind: 'facilitator' | 'participant' }): QsortDecision {
  if (actor.kind !== 'facilitator') return { ok: false, code: 'FORBIDDEN' };
  switch (command.type) {
    case 'setOpen':
      return { ok: true, next: { ...rt, open: command.open } };
    case 'display':
      return { ok: true, next: { ...rt, display: command.options } };
    case 'nameFactors':
      return { ok: true, next: { ...rt, factorNames: command.names } };
    case 'merge': {
      const { study } = command;
      const others = rt.merged.filter((m) => m.sessionId !== study.sessionId || m.activityId !== study.activityId);
      return { ok: true, next: { ...rt, merged: command.merged ? [...others, study].slice(0, MAX_MERGED) : others } };
    }
  }
}
