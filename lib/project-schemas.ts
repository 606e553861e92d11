import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max, { error: 'TOO_LONG' });
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'DATE_INVALID' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'DATE_INVALID' });
const optionalDate = z.union([z.literal('').transform(() => null), isoDate, z.null()]).optional();

export const projectInputSchema = z.object({
  name: text(200).min(1, { error: 'REQUIRED' }),
  description: text(5000).default(''),
  ethicsReference: text(500).default(''),
  consentText: text(5000).default(''),
  /** Optional; left out of the input, it stays as it is. */
  retainFreeTextUntil: optionalDate,
});
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const phaseInputSchema = z
  .object({
    name: text(200).min(1, { error: 'REQUIRED' }),
    description: text(2000).default(''),
    startsOn: optionalDate,
    endsOn: optionalDate,
  })
  .refine((p) => !p.startsOn || !p.endsOn || p.startsOn <= p.endsOn, { error: 'DATE_ORDER', path: ['endsOn'] });
export type PhaseInput = z.infer<typeof phaseInputSchema>;

export const liveSessionInputSchema = z.object({
  title: text(200).min(1, { error: 'REQUIRED' }),
});
