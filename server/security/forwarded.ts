import type { IncomingHttpHeaders } from 'node:http';

/** Headers a reverse proxy sets; believed only with TRUST_PROXY. */
export const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'] as const;

/** Who asked and how they reached us, after deciding which headers to believe. */
export interface RequestSource {
  /** The client's address: the socket's, or the one our proxy saw. */
  clientIp: string;
  /** The host the browser used (no scheme), or null when the request named none. */
  host: string | null;
  proto: 'http' | 'https';
}

const first = (value: string | string[] | undefined): string | undefined => {
  const raw = Array.isArray(value) ? value[0] : value;
  const part = raw?.split(',')[0]?.trim();
  return part ? part : undefined;
};

const last = (value: string | string[] | undefined): string | undefined => {
  const raw = Array.isArray(value) ? value.join(',') : value;
  const part = raw?.split(',').at(-1)?.trim();
  return part ? part : undefined;
};

/**
 * One rule for every place that asks "who is this and which address did they use": without a
 * trusted proxy the client is the socket's peer and the host is the Host header; behind one,
 * the proxy's X-Forwarded-* win. X-Forwarded-For takes its last entry, the one our proxy added;
 * entries before it are whatever the client claimed.
 */
export function requestSource(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustProxy: boolean): RequestSource {
  const host = first(headers.host) ?? null;
  if (!trustProxy) return { clientIp: socketAddress ?? 'unknown', host, proto: 'http' };
  return {
    clientIp: last(headers['x-forwarded-for']) ?? socketAddress ?? 'unknown',
    host: first(headers['x-forwarded-host']) ?? host,
    proto: first(headers['x-forwarded-proto'])?.toLowerCase() === 'https' ? 'https' : 'http',
  };
}

/** The origin browsers use to reach us: PUBLIC_URL when configured, else what the request says. */
export function publicOrigin(source: Pick<RequestSource, 'host' | 'proto'>, publicUrl: string | null): string | null {
  if (publicUrl) return new URL(publicUrl).origin;
  return source.host ? `${source.proto}://${source.host}` : null;
}

/** Whether the browser reached us over TLS (ours or our proxy's). */
export function isHttpsRequest(source: Pick<RequestSource, 'proto'>, publicUrl: string | null): boolean {
  if (publicUrl) return publicUrl.startsWith('https://');
  return source.proto === 'https';
}
