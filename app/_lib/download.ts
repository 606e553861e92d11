import 'server-only';
import { httpStatusOf, type Result } from '@/lib/errors';

/** A service's file as a download, or its refusal as JSON with the code's status. */
export function downloadResponse(file: Result<{ filename: string; contentType: string; body: Uint8Array }>): Response {
  if (!file.ok) return Response.json(file, { status: httpStatusOf[file.error.code] });
  return new Response(new Blob([file.data.body as BlobPart]), {
    headers: { 'content-type': file.data.contentType, 'content-disposition': `attachment; filename="${file.data.filename}"`, 'cache-control': 'no-store' },
  });
}
