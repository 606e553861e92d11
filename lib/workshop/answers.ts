import { z } from 'zod';

/** What a participant sends during a workshop. Shared by the phone UI and the server. */
export const findingResponseValues = ['kjenner_igjen', 'nyanserer', 'avkrefter'] as const;
export type FindingResponseValue = (typeof findingResponseValues)[number];

export const respondSchema = z.object({
  findingId: z.uuid(),
  response: z.enum(findingResponseValues),
  comment: z.string().trim().max(1000, { error: 'TOO_LONG' }).default(''),
});
export const withdrawSchema = z.object({ findingId: z.uuid() });
export const wordSchema = z.object({ word: z.string().trim().min(1, { error: 'REQUIRED' }).max(40, { error: 'TOO_LONG' }) });
export const votesSchema = z.object({ votes: z.record(z.string().max(60), z.number().int().min(0).max(10)) });
export const evaluateSchema = z.object({
  answers: z.record(z.string().max(40), z.number().int().min(0).max(4)),
  text: z.string().trim().max(2000, { error: 'TOO_LONG' }).default(''),
});

/** A participant's own answers in the current activity, so a reloaded phone shows them again. */
export interface MyAnswers {
  responses: Record<string, { response: FindingResponseValue; comment: string }>;
  word: string | null;
  votes: Record<string, number>;
  evaluation: { answers: Record<string, number>; text: string } | null;
}
