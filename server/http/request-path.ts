/**
 * Whether a request target is one we can read: an origin-form path that percent-decodes to
 * UTF-8 and parses as a URL. Next.js (and our own handlers) would otherwise throw a URIError
 * deep inside routing and answer 500 to `/delta/%ff%fe`; these get a plain 400 first.
 */
export function isDecodablePath(target: string | undefined): boolean {
  if (!target || !target.startsWith('/')) return false;
  const [pathname = '', query = ''] = splitOnce(target, '?');
  try {
    decodeURIComponent(pathname);
    // Search params are decoded leniently by URLSearchParams, but our pages may decode them again.
    for (const part of query.split(/[&=]/)) decodeURIComponent(part.replace(/\+/g, ' '));
    // `//x` parses as a host, not a path: refuse what the WHATWG parser cannot read as a path.
    return new URL(target, 'http://localhost').host === 'localhost';
  } catch {
    return false;
  }
}

function splitOnce(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}
