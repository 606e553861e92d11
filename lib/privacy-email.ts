/**
 * E-mail addresses in normalised text (see privacy-normalise.ts, which already turns fullwidth
 * and small "＠"/"﹫" into "@"): local@domain.tld with a tld of at least two letters, Unicode
 * letters allowed, one optional space on either side of "@", and the bracketed obfuscations
 * "kari [at] nav [dot] no", "kari(at)nav.no", "kari(a)nav.no", "kari (krøllalfa) nav (punktum) no".
 * A bare " at " or " dot " is not taken as obfuscation: "at" is an everyday Norwegian word.
 */

interface Range {
  start: number;
  end: number;
}

const LOCAL = '[\\p{L}\\p{N}._%+\\-]+';
const LABEL = '[\\p{L}\\p{N}\\-]+';
const AT = '\\s?(?:@|[\\[({<]\\s?(?:at|a|krøllalfa|alfakrøll)\\s?[\\])}>])\\s?';
const DOT = '(?:\\.|\\s?[\\[({<]\\s?(?:dot|punktum|prikk)\\s?[\\])}>]\\s?)';

// The lookbehind makes the local part start at a token boundary, so a long run of word
// characters without "@" is scanned once, not once per starting position.
const EMAIL_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}._%+\\-])${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}\\p{L}{2,}`, 'giu');

export function findEmails(text: string): Range[] {
  return Array.from(text.matchAll(EMAIL_PATTERN), (m) => ({ start: m.index, end: m.index + m[0].length }));
}
