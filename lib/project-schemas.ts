import { z } from 'zod';
import { freeText, guarded } from './privacy/free-text';

const text = freeText;
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
  /** Names whom to contact about the project (researcher's e-mail, phone): only a national id is refused here. */
  consentText: guarded(z.string().trim().max(5000, { error: 'TOO_LONG' }), ['NATIONAL_ID']).default(''),
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
