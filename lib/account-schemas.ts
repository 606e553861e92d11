import { z } from 'zod';
import { guarded, opaque } from './privacy/free-text';

/** Form schemas shared by the pages (for field errors) and the services (as the real check). */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: 'EMAIL_INVALID' }));
// A password is hashed, never shown: not free text the guard looks at.
export const passwordSchema = opaque(z.string().min(10, { error: 'PASSWORD_TOO_SHORT' }).max(200, { error: 'PASSWORD_TOO_LONG' }));
/** A staff member's name, shown to colleagues beside their e-mail address: a national id or phone number is refused. */
export const personNameSchema = guarded(z.string().trim().max(100, { error: 'TOO_LONG' }), ['NATIONAL_ID', 'PHONE']).min(1, { error: 'REQUIRED' });

export const registrationSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });
export type Registration = z.infer<typeof registrationSchema>;

export const signInSchema = z.object({ email: emailSchema, password: opaque(z.string().min(1, { error: 'REQUIRED' }).max(200)) });
export type SignIn = z.infer<typeof signInSchema>;

/**
 * zod issues → { field: CODE } for forms; the first problem per field wins. A nested problem
 * is reported under its top-level field and under its whole path too (`rounds.2.minutes`), so
 * a list editor can mark the exact input.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const code = /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID';
    const top = String(issue.path[0] ?? 'form');
    if (!(top in out)) out[top] = code;
    const whole = issue.path.map(String).join('.');
    if (issue.path.length > 1 && !(whole in out)) out[whole] = code;
  }
  return out;
}
