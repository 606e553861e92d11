import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf, type AppError } from '@/lib/errors';

const MAX_BODY = 64 * 1024;

/** Reads a JSON body up to 64 KiB; returns undefined for a missing, oversized or invalid body. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, error: AppError): void {
  sendJson(res, httpStatusOf[error.code], { ok: false, error });
}
