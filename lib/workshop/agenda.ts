import { z } from 'zod';

/**
 * What a facilitator puts on a workshop's agenda. Each kind has its own settings; the same
 * schemas validate the editor's input, the stored JSON and the runtime that plays it.
 */
const text = (max: number) => z.string().trim().max(max, { error: 'TOO_LONG' });

export const findingsConfigSchema = z.object({
  findingIds: z.array(z.uuid()).min(1, { error: 'FINDINGS_REQUIRED' }).max(50),
});

export const groupingRules = ['random', 'attribute', 'manual'] as const;
export const reflectionConfigSchema = z.object({
  prompt: text(1000).min(1, { error: 'REQUIRED' }),
  groupSize: z.number().int().min(3).max(5).default(4),
  grouping: z.enum(groupingRules).default('random'),
  /** With grouping 'attribute': the join question whose answer groups people (e.g. office). */
  attribute: text(60).default(''),
  minutes: z.number().int().min(1).max(180).default(15),
  silentFirst: z.boolean().default(true),
  silentMinutes: z.number().int().min(1).max(60).default(5),
});

export const plenaryConfigSchema = z.object({
  dotVotes: z.number().int().min(1).max(10).default(3),
  /** One-word question for the word cloud; empty = no word cloud. */
  wordCloudQuestion: text(300).default(''),
});

export const evaluationQuestionSchema = z.object({ id: z.string().min(1).max(40), text: text(300).min(1, { error: 'REQUIRED' }) });
export const closingConfigSchema = z.object({
  /** Answered on a 0–4 scale (0 = not at all … 4 = to a very large degree). */
  questions: z.array(evaluationQuestionSchema).max(10),
  freeTextQuestion: text(300).default(''),
});

export const activityInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('findings'), title: text(200).min(1, { error: 'REQUIRED' }), config: findingsConfigSchema }),
  z.object({ kind: z.literal('reflection'), title: text(200).min(1, { error: 'REQUIRED' }), config: reflectionConfigSchema }),
  z.object({ kind: z.literal('plenary'), title: text(200).min(1, { error: 'REQUIRED' }), config: plenaryConfigSchema }),
  z.object({ kind: z.literal('closing'), title: text(200).min(1, { error: 'REQUIRED' }), config: closingConfigSchema }),
]);
export type ActivityInput = z.infer<typeof activityInputSchema>;
export type AgendaActivity = ActivityInput & { id: string };

export const workshopInputSchema = z.object({
  title: text(200).min(1, { error: 'REQUIRED' }),
  phaseId: z.uuid().nullable().default(null),
  date: z.union([z.literal('').transform(() => null), z.iso.date({ error: 'DATE_INVALID' }), z.null()]).default(null),
  place: text(200).default(''),
  allowNames: z.boolean().default(false),
  minRevealCount: z.number().int().min(1).max(20).default(3),
});
export type WorkshopInput = z.infer<typeof workshopInputSchema>;
