import { cookies } from 'next/headers';
import { currentUser } from '@/app/_lib/auth';
import { LOCALE_COOKIE } from '@/lib/cookies';
import { httpStatusOf } from '@/lib/errors';
import { getServices } from '@/server/registry';

/**
 * Downloads a report or its raw data: ?format=docx|pdf|xlsx|csv, for the whole project, or
 * one workshop (&verksted=<id>) or one session (&okt=<id>), in the reader's language.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return new Response('unauthenticated', { status: 401 });
  const q = new URL(request.url).searchParams;
  const locale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const input = { format: q.get('format'), workshopId: q.get('verksted') ?? undefined, sessionId: q.get('okt') ?? undefined, locale };
  const file = await getServices().reports.file(user.id, id, input);
  if (!file.ok) return Response.json(file, { status: httpStatusOf[file.error.code] });
  return new Response(new Blob([file.data.body as BlobPart]), {
    headers: {
      'content-type': file.data.contentType,
      'content-disposition': `attachment; filename="${file.data.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
