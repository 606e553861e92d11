import type { AppError, Result } from '@/lib/errors';

/** What server actions send back: plain data, translated on the client by error code. */
export type ActionResult<T = null> = Result<T>;

export const unauthenticated = (): { ok: false; error: AppError } => ({
  ok: false,
  error: { code: 'UNAUTHENTICATED', message: 'sign in first' },
});
