import { randomBytes } from 'node:crypto';

export interface SecurityHeaderOptions {
  /** Fresh per response; Next.js reads it back from the request's CSP header for its scripts. */
  nonce: string;
  /** `npm run dev`: React's dev tooling evaluates strings, so 'unsafe-eval' is needed there only. */
  dev: boolean;
  /** HSTS only when the browser reached us over TLS; on plain HTTP it would be ignored or lock out. */
  https: boolean;
}

export const newNonce = (): string => randomBytes(16).toString('base64');

/**
 * The Content-Security-Policy for every response. Scripts need our nonce ('strict-dynamic'
 * lets Next's nonce'd loader pull in its chunks); styles allow inline because Aksel and Next set
 * style attributes; images allow data: for QR codes; connect-src 'self' covers socket.io and
 * /yjs/ websockets on the same origin. Nobody may frame us (the console must not be overlaid).
 */
export function contentSecurityPolicy({ nonce, dev }: Pick<SecurityHeaderOptions, 'nonce' | 'dev'>): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Fonts are our own (app/fonts.css): a room without internet must get the same page.
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(options),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (options.https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
