import { z } from 'zod';
import { freeText, opaque } from '../../privacy/free-text';

export const evaluationQuestionSchema = z.object({ id: opaque(z.string().min(1).max(40)), text: freeText(300).min(1, { error: 'REQUIRED' }) });

/** Avslutning: how it was to take part, on a 0–4 scale, and one free text. */
export const closingConfigSchema = z.object({
  /** Answered on a 0–4 scale (0 = not at all … 4 = to a very large degree). */
  questions: z.array(evaluationQuestionSchema).max(10),
  freeTextQuestion: freeText(300).default(''),
});
export type ClosingConfig = z.infer<typeof closingConfigSchema>;

/** A fresh id for an evaluation question; short, and unique enough within one closing round. */
export const newQuestionId = (): string => `q-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
