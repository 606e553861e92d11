/**
 * Rewriting ids when a backup is restored. Every row id in a backup gets a new random uuid, and
 * every place the old one stands is rewritten: foreign keys, ids inside JSON (a session's state,
 * an agenda's config), ids inside text keys (`live.<session>.board.<activity>.g1`, a Q-sort's
 * activity id) and inside Yjs documents. Uuids are 122 random bits, so an old id found inside a
 * longer string is that id and nothing else; the replacement has the same length, so a Yjs
 * update's length-prefixed strings stay valid when its bytes are rewritten in place. Pure.
 */

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
export const UUID_EXACT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Old id (lower case) → new id. */
export type IdMap = ReadonlyMap<string, string>;

/** `text` with every mapped id in it replaced; ids not in the map are left as they are. */
export function remapText(text: string, ids: IdMap): string {
  return text.replace(UUID_IN_TEXT, (id) => ids.get(id.toLowerCase()) ?? id);
}

/** A JSON value with every mapped id in its strings (keys included) replaced. */
export function remapJson(value: unknown, ids: IdMap): unknown {
  if (typeof value === 'string') return remapText(value, ids);
  if (Array.isArray(value)) return value.map((v) => remapJson(v, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [remapText(k, ids), remapJson(v, ids)]));
  }
  return value;
}

const HEX = new Set('0123456789abcdefABCDEF'.split('').map((c) => c.charCodeAt(0)));
const DASH = 0x2d;
const isHex = (b: number | undefined) => b !== undefined && HEX.has(b);

/** Whether the 36 bytes from `at` spell a uuid (8-4-4-4-12 hex digits). */
function uuidAt(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < 36; i++) {
    const b = bytes[at + i];
    if (i === 8 || i === 13 || i === 18 || i === 23 ? b !== DASH : !isHex(b)) return false;
  }
  return true;
}

/**
 * Bytes (a Yjs update) with every mapped id spelled in ASCII replaced in place. Yjs writes every
 * string (text runs, map keys, JSON values) as length-prefixed UTF-8, and a uuid is 36 ASCII
 * bytes both before and after, so the update decodes as before with the new ids.
 */
export function remapBytes(bytes: Uint8Array, ids: IdMap): Uint8Array {
  const out = new Uint8Array(bytes);
  const decoder = new TextDecoder();
  for (let at = 0; at + 36 <= out.length; at++) {
    if (out[at] !== DASH && isHex(out[at]) && out[at + 8] === DASH && uuidAt(out, at)) {
      const next = ids.get(decoder.decode(out.subarray(at, at + 36)).toLowerCase());
      if (next) out.set(new TextEncoder().encode(next), at);
      at += 35;
    }
  }
  return out;
}
