/**
 * Where to send someone back to after signing in. Only same-site paths: an open redirect would
 * turn sign-in into a phishing tool.
 *
 * Browsers forgive a lot in a URL: they drop tabs and newlines, read `\` as `/`, and a
 * `Location: //host` or `/\host` leaves the site. Rather than predicting each quirk, anything
 * that *could* be read two ways is refused: control characters and backslashes (raw or
 * percent-encoded, at any depth of encoding), a second leading slash, and a value that does not
 * decode cleanly. What remains is normalised by the WHATWG URL parser and checked once more.
 */
const PROBE_ORIGIN = 'https://verksted.invalid';
const MAX_LENGTH = 2048;
// C0 controls, DEL, C1 controls, backslash and the Unicode line/paragraph separators.
const AMBIGUOUS = /[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/;
const ENCODING_DEPTH = 4;

export const DEFAULT_RETURN_PATH = '/prosjekter';

export function safeReturnPath(value: string | undefined | null, fallback = DEFAULT_RETURN_PATH): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!decodedFormsAreLocal(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // `/a/..//evil.example` normalises to the path `//evil.example`, which is local here but
  // protocol-relative once it is sent as a Location header: check the result again.
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  return isPlainLocalPath(normalised) ? normalised : fallback;
}

/** Every percent-decoding of the value (a proxy or a framework may decode once more) is a plain local path. */
function decodedFormsAreLocal(value: string): boolean {
  let current = value;
  for (let depth = 0; depth <= ENCODING_DEPTH; depth += 1) {
    if (!isPlainLocalPath(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  // Still changing after several rounds of decoding: nobody writes that by accident.
  return false;
}

function isPlainLocalPath(value: string): boolean {
  return value.startsWith('/') && value[1] !== '/' && !AMBIGUOUS.test(value);
}
