import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request comes from our own pages. Browsers send Origin with every cross-site
 * request and with same-site POSTs, so a state-changing request without a matching Origin
 * (or, failing that, Referer) is refused: this is the CSRF defence next to SameSite=Lax.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, publicUrl: string | null, requireHeader: boolean): boolean {
  const source = headers.origin ?? (headers.referer ? safeOrigin(headers.referer) : undefined);
  if (!source || source === 'null') return !requireHeader;
  const allowed = new Set<string>();
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = headers['x-forwarded-host'] ?? headers.host;
  if (typeof host === 'string') {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(safeOrigin(source) ?? '');
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
