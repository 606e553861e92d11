import { cookies } from 'next/headers';
import { z } from 'zod';
import { httpStatusOf } from '@/lib/errors';
import { participantCookieName } from '@/lib/cookies';
import { getServices } from '@/server/registry';

/** A participant's short summary (public rules) after the end, when the facilitator allowed it; identified by the participant cookie. */
export async function GET(_request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  if (!z.uuid().safeParse(sessionId).success) return Response.json({ ok: false, error: { code: 'NOT_FOUND', message: 'bad id' } }, { status: 404 });
  const token = (await cookies()).get(participantCookieName(sessionId))?.value;
  const result = await getServices().sessionResults.phoneSummary(sessionId, token);
  return Response.json(result, { status: result.ok ? 200 : httpStatusOf[result.error.code], headers: { 'cache-control': 'no-store' } });
}
