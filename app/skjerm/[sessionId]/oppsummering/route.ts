import { z } from 'zod';
import { currentUser } from '@/app/_lib/auth';
import { httpStatusOf } from '@/lib/errors';
import { getServices } from '@/server/registry';

/** The big screen's closing summary (public rules), while the facilitator shows it; JSON for the screen page. */
export async function GET(_request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const user = await currentUser();
  if (!user) return Response.json({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in first' } }, { status: 401 });
  if (!z.uuid().safeParse(sessionId).success) return Response.json({ ok: false, error: { code: 'NOT_FOUND', message: 'bad id' } }, { status: 404 });
  const result = await getServices().sessionResults.screenSummary(user.id, sessionId);
  return Response.json(result, { status: result.ok ? 200 : httpStatusOf[result.error.code], headers: { 'cache-control': 'no-store' } });
}
