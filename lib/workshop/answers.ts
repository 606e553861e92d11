import { z } from 'zod';
import { freeText, opaque } from '../privacy/free-text';

/** What a participant sends during a workshop. Shared by the phone UI and the server. */
export const findingResponseValues = ['kjenner_igjen', 'nyanserer', 'avkrefter'] as const;
export type FindingResponseValue = (typeof findingResponseValues)[number];

export const respondSchema = z.object({
  findingId: z.uuid(),
  response: z.enum(findingResponseValues),
  comment: freeText(1000).default(''),
});
export const withdrawSchema = z.object({ findingId: z.uuid() });
export const wordSchema = z.object({ word: freeText(40).min(1, { error: 'REQUIRED' }) });
export const votesSchema = z.object({ votes: z.record(opaque(z.string().max(60)), z.number().int().min(0).max(10)) });
export const evaluateSchema = z.object({
  answers: z.record(opaque(z.string().max(40)), z.number().int().min(0).max(4)),
  text: freeText(2000).default(''),
});

/** A participant's own answers in the current activity, so a reloaded phone shows them again. */
export interface MyAnswers {
  responses: Record<string, { response: FindingResponseValue; comment: string }>;
  word: string | null;
  votes: Record<string, number>;
  evaluation: { answers: Record<string, number>; text: string } | null;
}
