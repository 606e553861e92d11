import { currentUser } from '@/app/_lib/auth';
import { downloadResponse } from '@/app/_lib/download';
import { getServices } from '@/server/registry';

/** Downloads the whole project as readable JSON (members; nothing hidden, redacted or below a minimum). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return new Response('unauthenticated', { status: 401 });
  return downloadResponse(await getServices().backups.readable(user.id, id));
}
