import { z } from 'zod';
import { freeText, opaque } from '../../privacy/free-text';

export const wordSchema = z.object({ word: freeText(40).min(1, { error: 'REQUIRED' }) });
export const votesSchema = z.object({ votes: z.record(opaque(z.string().max(60)), z.number().int().min(0).max(10)) });

/** Lower-case, trimmed, inner whitespace collapsed: "Tillit " and "tillit" are one word. */
export const normalizeWord = (word: string) => word.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');
