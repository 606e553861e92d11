import { currentUser } from '@/app/_lib/auth';
import { fail, httpStatusOf, type Result } from '@/lib/errors';
import { MAX_BACKUP_BYTES } from '@/server/services/backup/read-backup';
import { getServices } from '@/server/registry';

/** The request body up to the limit a restore takes; null when it is larger. */
async function bodyWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

/**
 * Restores a backup file (the raw body) as a new project owned by the caller. Cross-site posts
 * are refused before this runs (server/app.ts checks the origin of every unsafe request).
 */
export async function POST(request: Request) {
  const user = await currentUser();
  const answer = (result: Result<unknown>) => Response.json(result, { status: result.ok ? 200 : httpStatusOf[result.error.code] });
  if (!user) return answer(fail('UNAUTHENTICATED', 'sign in first'));
  const body = await bodyWithin(request, MAX_BACKUP_BYTES);
  if (!body) return answer(fail('BACKUP_TOO_LARGE', 'file too large'));
  return answer(await getServices().backups.restore(user.id, body));
}
