import type { IncomingHttpHeaders } from 'node:http';
import { requestSource } from './forwarded';

export interface OriginPolicy {
  publicUrl: string | null;
  trustProxy: boolean;
}

/**
 * Whether a request comes from our own pages. Browsers send Origin with every cross-site
 * request and with same-site POSTs, so a state-changing request without a matching Origin
 * (or, failing that, Referer) is refused: this is the CSRF defence next to SameSite=Lax.
 * `Origin: null` (sandboxed iframes, data: URLs, some redirects) is never ours. A missing
 * header passes only when `requireHeader` is false (non-browser socket clients).
 */
export function isSameOrigin(headers: IncomingHttpHeaders, policy: OriginPolicy, requireHeader: boolean): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return allowedOrigins(headers, policy).has(safeOrigin(origin) ?? '');
  if (headers.referer === undefined) return !requireHeader;
  return allowedOrigins(headers, policy).has(safeOrigin(headers.referer) ?? '');
}

function allowedOrigins(headers: IncomingHttpHeaders, policy: OriginPolicy): Set<string> {
  const allowed = new Set<string>();
  if (policy.publicUrl) allowed.add(new URL(policy.publicUrl).origin);
  const { host } = requestSource(headers, undefined, policy.trustProxy);
  if (host) {
    // The scheme is not checked: without a trusted proxy we cannot tell what the browser used.
    for (const scheme of ['http', 'https']) {
      const origin = safeOrigin(`${scheme}://${host}`);
      if (origin) allowed.add(origin);
    }
  }
  return allowed;
}

function safeOrigin(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
