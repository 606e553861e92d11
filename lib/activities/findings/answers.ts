import { z } from 'zod';
import { freeText } from '../../privacy/free-text';

/** What a participant answers to one finding. Shared by the phone UI and the server. */
export const findingResponseValues = ['kjenner_igjen', 'nyanserer', 'avkrefter'] as const;
export type FindingResponseValue = (typeof findingResponseValues)[number];

export const respondSchema = z.object({
  findingId: z.uuid(),
  response: z.enum(findingResponseValues),
  comment: freeText(1000).default(''),
});
export const withdrawSchema = z.object({ findingId: z.uuid() });
