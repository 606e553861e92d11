import { z } from 'zod';
import { freeText, opaque } from '../../privacy/free-text';

export const evaluateSchema = z.object({
  answers: z.record(opaque(z.string().max(40)), z.number().int().min(0).max(4)),
  text: freeText(2000).default(''),
});
