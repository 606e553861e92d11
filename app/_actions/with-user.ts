import 'server-only';
import { z } from 'zod';
import { currentUser } from '../_lib/auth';
import { unauthenticated, type ActionResult } from './result';

const id = z.uuid();

/**
 * Every project action resolves the user first and checks ids before anything else; the
 * services then authorise against project membership and validate the input with zod.
 */
export async function withUser<T>(ids: unknown[], run: (userId: string) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const user = await currentUser();
  if (!user) return unauthenticated();
  if (!ids.every((value) => id.safeParse(value).success)) return { ok: false, error: { code: 'NOT_FOUND', message: 'bad id' } };
  return run(user.id);
}
