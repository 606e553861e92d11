import { z } from 'zod';
import { fail, type AppError } from '../errors';
import { PERSONAL_DATA_ERROR, personalDataKinds, type PersonalDataKind } from '../privacy-guard';

/**
 * The privacy guard as part of validation: every string a person types is declared with
 * `freeText` (or wrapped in `guarded`), so no schema can accept a personal number and no
 * handler can forget to check. A refused value produces a zod issue whose message is
 * `PERSONAL_DATA` (so form field errors show the translated reason) and whose params carry
 * the kinds found; `parseFailure` turns a failed parse holding such an issue into the
 * PERSONAL_DATA error every transport already maps (socket ack, HTTP 422, server action).
 */

/** What a refused value's issue carries in `params`. */
export interface PersonalDataParams {
  code: typeof PERSONAL_DATA_ERROR;
  kinds: PersonalDataKind[];
}

/**
 * Adds the privacy guard to a string schema; chain `.min`/`.max` before or after as usual.
 * `refuse` narrows what is refused, for the rare text meant to carry contact details
 * (a project's consent text names whom to contact); a national id is always refused.
 */
export function guarded<S extends z.ZodType<string>>(schema: S, refuse: readonly PersonalDataKind[] = ['NATIONAL_ID', 'PHONE', 'EMAIL']): S {
  return schema.check((ctx) => {
    if (trusting > 0) return;
    const kinds = personalDataKinds(ctx.value).filter((kind) => kind === 'NATIONAL_ID' || refuse.includes(kind));
    if (kinds.length === 0) return;
    const params: PersonalDataParams = { code: PERSONAL_DATA_ERROR, kinds };
    ctx.issues.push({ code: 'custom', message: PERSONAL_DATA_ERROR, params, input: ctx.value });
  }) as S;
}

let trusting = 0;

/**
 * Parses what the server itself stored or decided (a session's state, built only from inputs
 * the guard already took) without judging its texts again: re-running the detector on every
 * read would cost time on every command and snapshot, and a detector that learns a new
 * spelling must not make an existing session unreadable. Parsing is synchronous, so the
 * counter covers exactly this call.
 */
export function trustedParse<T>(parse: () => T): T {
  trusting++;
  try {
    return parse();
  } finally {
    trusting--;
  }
}

/** A trimmed free-text field of at most `max` characters, refused when it holds personal data. */
export const freeText = (max: number) => guarded(z.string().trim().max(max, { error: 'TOO_LONG' }));

/**
 * Marks a string a client sends that is not typed by a person (an id it was given, a key it
 * generated), so the schema walk in `client-inputs.test.ts` does not demand a guard for it.
 */
export const opaque = <S extends z.ZodType<string>>(schema: S): S => schema.meta({ opaque: true }) as S;
export const isOpaque = (schema: z.ZodType): boolean => z.globalRegistry.get(schema)?.opaque === true;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A key a client generates or echoes back and the server stores (a note's uuid, a theme's
 * `c<time>`, a group's `g1`). It is not typed by a person, but stored, so it may not carry a
 * number: letters, digits, `_` and `-` only, and at most 7 digits unless it is a uuid
 * (a phone number has 8 digits, a fødselsnummer 11).
 */
export const clientKey = (max = 60, { uuid = true }: { uuid?: boolean } = {}) =>
  opaque(
    z
      .string()
      .min(1)
      .max(max)
      .regex(/^[A-Za-z0-9_-]+$/)
      .refine((key) => (uuid && UUID.test(key)) || (key.match(/\d/g)?.length ?? 0) <= 7, { error: 'INVALID' }),
  );

/**
 * A key the client mints rather than echoes (a new theme's id): no UUID exception, since the
 * server issued none and a UUID's first group may be eight digits, a phone number.
 */
export const newClientKey = (max = 60) => clientKey(max, { uuid: false });

export const isPersonalDataIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as Partial<PersonalDataParams> | undefined)?.code === PERSONAL_DATA_ERROR;

/** Every refused value in a failed parse, by its dotted path, unions and record keys included. */
export function personalDataPaths(error: { issues: readonly z.core.$ZodIssue[] }): string[] {
  const out: string[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (isPersonalDataIssue(issue)) out.push(path.map(String).join('.'));
      if (issue.code === 'invalid_union') for (const branch of issue.errors) walk(branch, path);
      if (issue.code === 'invalid_key' || issue.code === 'invalid_element') walk(issue.issues, path);
    }
  };
  walk(error.issues, []);
  return [...new Set(out)];
}

/**
 * The error for a failed parse: PERSONAL_DATA (with each refused field) when the guard refused
 * a value, otherwise BAD_REQUEST with the given field errors. One place, so every transport
 * tells the person why the text was not taken.
 */
export function parseFailure(error: z.ZodError, message: string, fields?: Record<string, string>): { ok: false; error: AppError } {
  const refused = personalDataPaths(error);
  if (refused.length === 0) return fail('BAD_REQUEST', message, fields);
  const refusedFields = Object.fromEntries(refused.map((p) => [p || 'form', PERSONAL_DATA_ERROR]));
  return fail('PERSONAL_DATA', `personal data in ${refused.join(', ') || 'input'}`, { ...fields, ...refusedFields });
}
