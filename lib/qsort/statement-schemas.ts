import { z } from 'zod';
import { freeText } from '../privacy/free-text';

/**
 * Inputs of the statement-set editor, shared by the pages (field errors) and the statement-set
 * service (the real check). Pure: client components may import it.
 */

export const STATEMENT_LIMITS = { text: 1000, name: 200, code: 9999, statements: 200, importText: 200_000 } as const;

/** The fewest statements `suggestGrid` makes a grid for; smaller sets design their own. */
export const MIN_SUGGESTED = 4;

/** A statement's code: the number researchers use for it (1, 2, …), unique in its set. */
export const statementCodeSchema = z.coerce
  .number({ error: 'CODE_INVALID' })
  .int({ error: 'CODE_INVALID' })
  .min(1, { error: 'CODE_INVALID' })
  .max(STATEMENT_LIMITS.code, { error: 'CODE_INVALID' });

const statementText = freeText(STATEMENT_LIMITS.text).min(1, { error: 'REQUIRED' });

/** Adding a statement: without a code it gets the next free one. */
export const newStatementSchema = z.object({
  code: z.union([z.literal('').transform(() => null), z.null(), statementCodeSchema]).default(null),
  text: statementText,
});
export type NewStatement = z.infer<typeof newStatementSchema>;

/** Editing a statement: both fields are given. */
export const statementSchema = z.object({ code: statementCodeSchema, text: statementText });
export type StatementInput = z.infer<typeof statementSchema>;

export const setNameSchema = z.object({
  name: freeText(STATEMENT_LIMITS.name).min(1, { error: 'REQUIRED' }),
});
