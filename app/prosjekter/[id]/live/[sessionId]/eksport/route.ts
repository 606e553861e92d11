import { cookies } from 'next/headers';
import { currentUser } from '@/app/_lib/auth';
import { LOCALE_COOKIE } from '@/lib/cookies';
import { httpStatusOf } from '@/lib/errors';
import { decodeExportChoices, decodeExportFlags } from '@/lib/qsort/export-link';
import { getServices } from '@/server/registry';

/**
 * Downloads a Q-sort session's sorts or analysis: ?format=csv|dat|sta|json|xlsx, and for the
 * result files the analysis as run on the screen (&factors&extraction&rotation[&flags][&correlation][&significance&majority][&set];
 * see lib/qsort/export-link.ts); the workbook in the reader's language.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const { sessionId } = await params;
  const user = await currentUser();
  if (!user) return new Response('unauthenticated', { status: 401 });
  const q = new URL(request.url).searchParams;
  const factors = q.get('factors');
  const flags = decodeExportFlags(q.get('flags'));
  const options = factors ? { factors: Number(factors), extraction: q.get('extraction'), rotation: q.get('rotation'), ...(flags === undefined ? {} : { flags }), ...decodeExportChoices(q) } : undefined;
  const file = await getServices().qsortExport.file(user.id, sessionId, { format: q.get('format'), options, sortSet: q.get('set') ?? undefined, locale: (await cookies()).get(LOCALE_COOKIE)?.value });
  if (!file.ok) return Response.json(file, { status: httpStatusOf[file.error.code] });
  const body = typeof file.data.body === 'string' ? file.data.body : new Blob([file.data.body as BlobPart]);
  return new Response(body, {
    headers: { 'content-type': file.data.contentType, 'content-disposition': contentDisposition(file.data.filename), 'cache-control': 'no-store' },
  });
}

/** An attachment name that keeps "ø" (RFC 6266 `filename*`), with an ASCII fallback for old clients. */
function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
